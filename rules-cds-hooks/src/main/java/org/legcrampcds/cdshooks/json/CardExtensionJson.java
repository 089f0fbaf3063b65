package org.legcrampcds.cdshooks.json;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A card's {@code extension}: what an EHR's feedback, an audit or a test needs without parsing the
 * Markdown.
 *
 * @param findingCodes   the codes of the findings the card shows (empty for the partial-record card)
 * @param rulesetVersion the rule base that made the card
 */
public record CardExtensionJson(@JsonProperty(FINDING_CODES) List<String> findingCodes,
                                @JsonProperty(RULESET_VERSION) String rulesetVersion) {

    public static final String FINDING_CODES = "org.legcrampcds.findingCodes";
    public static final String RULESET_VERSION = "org.legcrampcds.rulesetVersion";

    public CardExtensionJson {
        findingCodes = List.copyOf(findingCodes);
    }
}
