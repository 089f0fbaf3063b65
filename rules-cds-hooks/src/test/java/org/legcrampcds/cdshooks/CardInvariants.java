package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** What every card of every answer must hold (CDS Hooks 2.0 and interfaces.md §7). */
final class CardInvariants {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private CardInvariants() {
    }

    /** Checks every card and returns the cards array. */
    static JsonNode check(JsonNode answer, String rulesetVersion) {
        JsonNode cards = answer.get("cards");
        assertThat(cards).as("cards").isNotNull();
        assertThat(cards.isArray()).isTrue();
        Set<String> uuids = new HashSet<>();
        for (JsonNode card : cards) {
            String summary = card.path("summary").asText();
            assertThat(summary).as("summary").isNotBlank();
            assertThat(summary.length()).as(summary).isLessThan(140);
            assertThat(card.path("indicator").asText()).as(summary).isIn(INDICATORS);
            assertThat(UUID.fromString(card.path("uuid").asText())).isNotNull();
            assertThat(uuids.add(card.path("uuid").asText())).as("uuids are unique").isTrue();
            assertThat(card.path("source").path("label").asText()).isNotBlank();
            String version = card.path("source").path("label").asText() + card.path("detail").asText();
            assertThat(version).as("rulesetVersion named").contains(rulesetVersion);
            assertThat(card.path("detail").asText()).isNotBlank();
            if (card.has("suggestions")) {
                assertThat(card.path("selectionBehavior").asText()).as("selectionBehavior").isIn("at-most-one", "any");
                for (JsonNode suggestion : card.get("suggestions")) {
                    assertThat(suggestion.path("label").asText()).isNotBlank();
                    assertThat(UUID.fromString(suggestion.path("uuid").asText())).isNotNull();
                    assertThat(uuids.add(suggestion.path("uuid").asText())).isTrue();
                    for (JsonNode action : suggestion.path("actions")) {
                        assertThat(action.path("type").asText()).isIn("create", "update", "delete");
                        assertThat(action.path("description").asText()).isNotBlank();
                    }
                }
            }
        }
        return cards;
    }
}
