package org.legcrampcds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleSource;

/**
 * The check of fixture cases: every difference named with its fixture and code, never a silent pass.
 * The fixtures here are written by the tests, unseen by the example cases.
 */
class FixtureCheckTest {

    /** A 64-year-old man with potassium 3.2 mmol/L: CAUSE_AGE and CAUSE_HYPOKALAEMIA, self-care advice. */
    static final String CASE = """
            {"id": "%s",
             "patient": {"ageYears": 64, "sex": "MALE", "pregnancyWeeks": null, "postpartumWeeks": null},
             "cramps": {"nightsPerWeek": 1, "durationMinutes": 2, "sites": ["CALF"], "side": "BOTH", "weeksSinceOnset": 2},
             "symptoms": [], "conditions": [], "medications": [],
             "labs": [{"test": "POTASSIUM", "value": %s, "unit": "mmol/L"}],
             "history": {"longTravelHoursLast14Days": 0, "immobilisedLast28Days": false, "majorSurgeryLast84Days": false,
                         "strenuousExerciseLast48Hours": false, "sittingOrStandingHoursPerDay": 4,
                         "fluidIntakeLitresPerDay": 1.8, "alcoholUnitsPerWeek": 2, "smoker": false,
                         "sleepsWithToesPointedOrProne": false},
             "expect": %s}
            """;

    @TempDir
    Path dir;

    @Test
    void partialExpectation_presentAndAbsent_matches() throws IOException {
        write("k-low", "3.2", "{\"present\": [\"CAUSE_HYPOKALAEMIA\", \"CAUSE_AGE\"], \"absent\": [\"RF_CRITICAL_LAB_VALUE\"]}");
        FixtureCheck.CheckResult result = FixtureCheck.of(List.of(dir)).run(Engines.builtIn());
        assertThat(result.mismatches()).isEmpty();
        assertThat(result.checked()).isEqualTo(1);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void everyDifference_namesItsFixtureAndCode() throws IOException {
        write("k-critical", "2.7", "{\"present\": [\"CAUSE_AGE\", \"CAUSE_DEHYDRATION\"], \"absent\": [\"RF_CRITICAL_LAB_VALUE\"]}");
        List<String> lines = FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches().stream().map(Mismatch::toString).toList();
        assertThat(lines).containsExactly(
                "k-critical.json: CAUSE_DEHYDRATION: expected in findings, not produced",
                "k-critical.json: RF_CRITICAL_LAB_VALUE: expected absent, but produced by rule RF-CRITICAL-01");
    }

    @Test
    void completeExpectation_failsOnAnExtraFinding_andOnTheUrgency() throws IOException {
        write("k-low-complete", "3.2", "{\"present\": [\"CAUSE_AGE\"], \"suppressed\": [], \"highestUrgency\": \"INFO\"}");
        List<Mismatch> mismatches = FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches();
        assertThat(mismatches).extracting(Mismatch::subject).contains("CAUSE_HYPOKALAEMIA", "highestUrgency");
    }

    @Test
    void misspeltExpectKey_isReported_notIgnored() throws IOException {
        write("typo", "3.2", "{\"present\": [\"CAUSE_AGE\"], \"absnet\": [\"CAUSE_HYPOKALAEMIA\"]}");
        assertThat(FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches())
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("expect");
                    assertThat(m.what()).contains("absnet");
                });
    }

    @Test
    void expectedError_matchesTheRejection() throws IOException {
        write("bad-unit", "3.2", "{\"error\": {\"field\": \"labs[0].unit\", \"code\": \"LCC-V007\"}}");
        Files.writeString(dir.resolve("bad-unit.json"), Files.readString(dir.resolve("bad-unit.json")).replace("mmol/L", "mg/dL"));
        FixtureCheck.CheckResult result = FixtureCheck.of(List.of(dir)).run(Engines.builtIn());
        assertThat(result.mismatches()).as("the reader's code for an unsupported unit").isEmpty();
    }

    @Test
    void unexpectedRejection_isAMismatch() throws IOException {
        write("rejected", "3.2", "{\"present\": [\"CAUSE_AGE\"]}");
        Files.writeString(dir.resolve("rejected.json"), Files.readString(dir.resolve("rejected.json")).replace("mmol/L", "mg/dL"));
        assertThat(FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches())
                .singleElement().satisfies(m -> assertThat(m.toString()).startsWith("rejected.json: error: the case was rejected: labs[0].unit"));
    }

    @Test
    void editedThreshold_isCaughtByTheFixtureOnIt() throws IOException {
        write("k-3.2", "3.2", "{\"present\": [\"CAUSE_HYPOKALAEMIA\"]}");
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>(RuleSource.builtIn().files());
        files.put("thresholds.csv", files.get("thresholds.csv").replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.0,"));
        CrampAssessor edited = CrampAssessor.on(RuleBase.build(RuleSource.ofFiles(files)));
        FixtureCheck check = FixtureCheck.of(List.of(dir));
        assertThat(check.failures(Engines.builtIn())).isEmpty();
        assertThat(check.failures(edited)).containsExactly("k-3.2.json: CAUSE_HYPOKALAEMIA: expected in findings, not produced");
    }

    @Test
    void aSelfTestWithNothingToCheck_fails() throws IOException {
        Files.writeString(dir.resolve("no-expect.json"), CASE.formatted("no-expect", "3.2", "{}").replace(",\n \"expect\": {}", ""));
        FixtureCheck check = FixtureCheck.of(List.of(dir));
        assertThat(check.run(Engines.builtIn()).withoutExpectation()).containsExactly("no-expect.json");
        assertThat(check.failures(Engines.builtIn())).singleElement().asString().contains("checks nothing");
    }

    private void write(String name, String potassium, String expect) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), CASE.formatted(name, potassium, expect));
    }
}
