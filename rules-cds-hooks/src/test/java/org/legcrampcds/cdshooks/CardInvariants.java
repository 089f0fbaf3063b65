package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.legcrampcds.cdshooks.json.ActionJson;
import org.legcrampcds.cdshooks.json.CardJson;
import org.legcrampcds.cdshooks.json.CdsResponseJson;
import org.legcrampcds.cdshooks.json.SuggestionJson;

/** What every card of every answer must hold (CDS Hooks 2.0 and interfaces.md §7). */
final class CardInvariants {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private CardInvariants() {
    }

    /** Checks every card and returns the cards. */
    static List<CardJson> check(CdsResponseJson answer, String rulesetVersion) {
        assertThat(answer.cards()).as("cards").isNotNull();
        Set<String> uuids = new HashSet<>();
        for (CardJson card : answer.cards()) {
            String summary = card.summary();
            assertThat(summary).as("summary").isNotBlank();
            assertThat(summary.length()).as(summary).isLessThan(140);
            assertThat(card.indicator()).as(summary).isIn(INDICATORS);
            assertThat(UUID.fromString(card.uuid())).isNotNull();
            assertThat(uuids.add(card.uuid())).as("uuids are unique").isTrue();
            assertThat(card.source().label()).isEqualTo("leg-cramp-cds rules " + rulesetVersion);
            assertThat(card.extension().rulesetVersion()).as("rulesetVersion in the extension").isEqualTo(rulesetVersion);
            assertThat(card.detail()).isNotBlank();
            if (card.suggestions() != null) {
                assertThat(card.selectionBehavior()).as("selectionBehavior").isIn("at-most-one", "any");
                for (SuggestionJson suggestion : card.suggestions()) {
                    assertThat(suggestion.label()).isNotBlank();
                    assertThat(UUID.fromString(suggestion.uuid())).isNotNull();
                    assertThat(uuids.add(suggestion.uuid())).isTrue();
                    for (ActionJson action : suggestion.actions()) {
                        assertThat(action.type()).isIn("create", "update", "delete");
                        assertThat(action.description()).isNotBlank();
                    }
                }
            } else {
                assertThat(card.selectionBehavior()).as("selectionBehavior without suggestions").isNull();
            }
        }
        return answer.cards();
    }

    /** The finding codes of every card, in card order. */
    static List<String> codes(List<CardJson> cards) {
        return cards.stream().flatMap(c -> c.extension().findingCodes().stream()).toList();
    }
}
