package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Urgency;

/** The small rules of card text: summaries under 140 characters, indicators, readable questions. */
class CardsTest {

    @Test
    void aLongSummary_isCutUnder140_withAnEllipsis() {
        String summary = Cards.summary("x".repeat(300));
        assertThat(summary).hasSize(139).endsWith("…");
        assertThat(Cards.summary("short")).isEqualTo("short");
        assertThat(Cards.summary("y".repeat(139))).hasSize(139);
    }

    @Test
    void indicators_followUrgency() {
        assertThat(Cards.indicator(Urgency.EMERGENCY)).isEqualTo("critical");
        assertThat(Cards.indicator(Urgency.URGENT)).isEqualTo("critical");
        assertThat(Cards.indicator(Urgency.SOON)).isEqualTo("warning");
        assertThat(Cards.indicator(Urgency.ROUTINE)).isEqualTo("warning");
        assertThat(Cards.indicator(Urgency.INFO)).isEqualTo("info");
    }

    @Test
    void inputs_readAsWords() {
        assertThat(Cards.readable("symptoms.CHEST_PAIN")).isEqualTo("chest pain");
        assertThat(Cards.readable("history.longTravelHoursLast14Days")).isEqualTo("long travel hours last 14 days");
        assertThat(Cards.readable("cramps.nightsPerWeek")).isEqualTo("nights per week");
    }
}
