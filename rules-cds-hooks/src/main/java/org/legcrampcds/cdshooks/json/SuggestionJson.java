package org.legcrampcds.cdshooks.json;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A suggestion of a card: what the EHR does when the clinician accepts it. */
public record SuggestionJson(String label, String uuid, @JsonProperty("isRecommended") boolean isRecommended,
                             List<ActionJson> actions) {

    public SuggestionJson {
        actions = List.copyOf(actions);
    }
}
