package org.legcrampcds.cdshooks.json;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * A card's source: the rule base that made it.
 *
 * @param label for example {@code leg-cramp-cds rules 1.0.0+3f9a1c2e}
 * @param url   a page about that rule base that answers 200, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceJson(String label, @Nullable String url) {
}
