package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Finding;

/**
 * The rule-test harness: assess a fixture with the built-in rule base and assert that a code
 * fired or stayed silent. A silent code must be absent from both findings and suppressed advice,
 * so a near miss cannot pass by being suppressed.
 */
public final class Assess {

    private Assess() {
    }

    public static Assessment assess(PatientFixture fixture) {
        return Engines.builtIn().assess(fixture.build());
    }

    /** Asserts that {@code code} is among the findings and returns it. */
    public static Finding fires(PatientFixture fixture, String code) {
        Assessment assessment = assess(fixture);
        assertThat(assessment.codes()).as("findings").contains(code);
        return assessment.finding(code).orElseThrow();
    }

    /** Asserts that {@code code} did not fire at all. */
    public static Assessment doesNotFire(PatientFixture fixture, String code) {
        Assessment assessment = assess(fixture);
        assertThat(assessment.codes()).as("findings").doesNotContain(code);
        assertThat(assessment.suppressedCodes()).as("suppressed").doesNotContain(code);
        return assessment;
    }
}
