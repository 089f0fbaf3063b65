package org.legcrampcds.cdshooks.json;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * A CDS Hooks 2.0 card.
 *
 * @param uuid              unique per card, so that feedback can name it
 * @param summary           under 140 characters
 * @param indicator         {@code info}, {@code warning} or {@code critical}
 * @param detail            Markdown for the clinician
 * @param source            the rule base that made the card
 * @param suggestions       what the EHR may do at a click, or null for none
 * @param selectionBehavior {@code at-most-one} or {@code any} when there are suggestions, else null
 * @param links             links to read further (the cited sources that have one), or null for none
 * @param extension         the finding codes and the {@code rulesetVersion}, so that no one parses Markdown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardJson(String uuid, String summary, String indicator, String detail, SourceJson source,
                       @Nullable List<SuggestionJson> suggestions, @Nullable String selectionBehavior,
                       @Nullable List<LinkJson> links, CardExtensionJson extension) {

    public CardJson {
        suggestions = suggestions == null ? null : List.copyOf(suggestions);
        links = links == null ? null : List.copyOf(links);
    }
}
