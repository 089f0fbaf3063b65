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
    void exactExpectation_failsOnAnExtraFinding_andOnTheUrgency() throws IOException {
        write("k-low-exact", "3.2", "{\"exact\": true, \"present\": [\"CAUSE_AGE\"], \"suppressed\": [], \"highestUrgency\": \"INFO\"}");
        List<Mismatch> mismatches = FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches();
        assertThat(mismatches).extracting(Mismatch::subject).contains("CAUSE_HYPOKALAEMIA", "highestUrgency");
        assertThat(mismatches).filteredOn(m -> m.subject().equals("CAUSE_HYPOKALAEMIA")).singleElement()
                .satisfies(m -> assertThat(m.what()).startsWith("produced by rule CAUSE-K-01, not expected"));
    }

    /*
     * Issue 20: fixtures written the way this project's first fixtures were, with present, absent and
     * highestUrgency, were read as complete listings because they had highestUrgency, so every self-care
     * code they did not list was reported: held-back fixtures whose every stated expectation held failed
     * with 23 differences. Each key is now checked as written, and only "exact": true asks for exact sets.
     */
    @Test
    void heldBackStyleFixtures_presentAbsentAndUrgency_whoseExpectationsHold_pass() throws IOException {
        write("k-low-causes", "3.2", "{\"present\": [\"CAUSE_HYPOKALAEMIA\", \"CAUSE_AGE\"], "
                + "\"absent\": [\"RF_CRITICAL_LAB_VALUE\", \"CAUSE_DEHYDRATION\"], \"highestUrgency\": \"SOON\"}");
        write("k-low-age", "3.2", "{\"present\": [\"CAUSE_AGE\"], \"absent\": [\"SAFETY_FLUID_RESTRICTION\"], "
                + "\"highestUrgency\": \"SOON\", \"recordComplete\": true}");
        write("k-low-urgency-only", "3.2", "{\"highestUrgency\": \"SOON\", \"dataRequired\": [], \"staleLabs\": []}");

        FixtureCheck.CheckResult result = FixtureCheck.of(List.of(dir)).run(Engines.builtIn());

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aHeldBackStyleFixture_whoseExpectationDoesNotHold_failsOnThatKeyAlone() throws IOException {
        write("k-low-wrong-absent", "3.2", "{\"present\": [\"CAUSE_HYPOKALAEMIA\"], \"absent\": [\"CAUSE_AGE\"], "
                + "\"highestUrgency\": \"SOON\"}");
        write("k-low-wrong-urgency", "3.2", "{\"present\": [\"CAUSE_AGE\"], \"highestUrgency\": \"INFO\"}");

        FixtureCheck.CheckResult result = FixtureCheck.of(List.of(dir)).run(Engines.builtIn());

        assertThat(result.passed()).isFalse();
        assertThat(result.mismatches()).extracting(Mismatch::toString).containsExactly(
                "k-low-wrong-absent.json: CAUSE_AGE: expected absent, but produced by rule CAUSE-AGE-01",
                "k-low-wrong-urgency.json: highestUrgency: expected INFO, got SOON");
    }

    @Test
    void absentWithExact_isAnErrorInTheFixture_withItsCode() throws IOException {
        write("absent-and-exact", "3.2", "{\"exact\": true, \"present\": [\"CAUSE_AGE\", \"CAUSE_HYPOKALAEMIA\"], "
                + "\"absent\": [\"RF_CRITICAL_LAB_VALUE\"]}");

        FixtureCheck.CheckResult result = FixtureCheck.of(List.of(dir)).run(Engines.builtIn());

        assertThat(result.passed()).isFalse();
        assertThat(result.mismatches()).filteredOn(m -> m.subject().equals("expect")).singleElement()
                .satisfies(m -> assertThat(m.what()).startsWith(FixtureDiagnostic.ABSENT_WITH_EXACT.code() + " ").contains("absent", "exact"));
    }

    @Test
    void exactThatIsNotABoolean_isMalformed() throws IOException {
        write("exact-string", "3.2", "{\"exact\": \"yes\", \"present\": [\"CAUSE_AGE\"]}");

        assertThat(FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches()).singleElement()
                .satisfies(m -> assertThat(m.what()).startsWith(FixtureDiagnostic.MALFORMED_EXPECT.code() + " exact must be true or false"));
    }

    @Test
    void misspeltExpectKey_isReported_notIgnored() throws IOException {
        write("typo", "3.2", "{\"present\": [\"CAUSE_AGE\"], \"absnet\": [\"CAUSE_HYPOKALAEMIA\"]}");
        assertThat(FixtureCheck.of(List.of(dir)).run(Engines.builtIn()).mismatches())
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("expect");
                    assertThat(m.what()).startsWith(FixtureDiagnostic.MALFORMED_EXPECT.code() + " ").contains("absnet");
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
