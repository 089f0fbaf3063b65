package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.NormalisedLab;
import org.legcrampcds.model.PatientCase;

/**
 * {@code impact} as issue 20's "Done when" states it: with {@code K_LOW} moved from 3.5 to 3.6 in an
 * exported copy, the comparison over the example cases and a held-back set (potassium 3.4, 3.5,
 * 3.55, 3.59, 3.6 and 3.7 mmol/L, one of them a FHIR Bundle) names exactly the patients whose
 * current potassium lies in [3.5, 3.6), each gaining CAUSE_HYPOKALAEMIA. The expected patients are
 * worked out from the input files, not from the rules.
 */
class ImpactCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal OLD_K_LOW = new BigDecimal("3.5");
    private static final BigDecimal NEW_K_LOW = new BigDecimal("3.6");
    /** The held-back potassium values, in mmol/L; the FHIR Bundle holds 3.55 as well. */
    static final List<String> HELD_BACK = List.of("3.4", "3.5", "3.55", "3.59", "3.6", "3.7");

    @TempDir
    Path dir;

    private Path k36;
    private Path heldBack;
    private String heldBackCases;
    private String heldBackBundle;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void exportAndEdit() throws IOException {
        k36 = dir.resolve("k36-rules");
        assertThat(run("export-rules", k36.toString()).status()).isZero();
        Path csv = k36.resolve("thresholds.csv");
        String table = Files.readString(csv);
        assertThat(table).contains("K_LOW,POTASSIUM,<,3.5,");
        Files.writeString(csv, table.replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.6,"));
        heldBack = writeHeldBack(dir.resolve("held-back"));
        heldBackCases = heldBack.resolve("held-back.jsonl").toString();
        heldBackBundle = heldBack.resolve("bundle-K-3.55.json").toString();
    }

    @Test
    void kLowTo36_namesExactlyThePatientsWithPotassiumFrom35To36_eachGainingCauseHypokalaemia() throws IOException {
        Result result = run("impact", "--rules", k36.toString(), "--as-of", "2026-12-01", "--format", "json",
                AuthoringCommandsTest.CASES, heldBackCases, heldBackBundle);

        assertThat(result.status()).as(result.err()).isEqualTo(ImpactCommand.CHANGED);
        JsonNode report = JSON.readTree(result.out());
        Map<String, List<String>> gained = new TreeMap<>();
        for (JsonNode patient : report.path("patients")) {
            List<String> codes = new ArrayList<>();
            patient.path("gained").forEach(f -> codes.add(f.path("code").asText()));
            gained.put(patient.path("caseId").asText(), codes);
            assertThat(patient.path("lost")).as("findings lost by %s", patient.path("caseId")).isEmpty();
        }
        assertThat(gained.keySet()).isEqualTo(patientsWithPotassiumInTheNewBand());
        assertThat(gained.keySet()).contains("held-back-K-3.5", "held-back-K-3.55", "held-back-K-3.59", "bundle-K-3.55")
                .doesNotContain("held-back-K-3.4", "held-back-K-3.6", "held-back-K-3.7");
        assertThat(gained.values()).allSatisfy(codes -> assertThat(codes).contains("CAUSE_HYPOKALAEMIA"));
        assertThat(gained.get("held-back-K-3.55")).containsExactly("CAUSE_HYPOKALAEMIA");

        JsonNode first = report.path("patients").get(0).path("gained").get(0);
        assertThat(first.path("evidence").toString()).contains("labs.POTASSIUM").contains("< 3.6");
        assertThat(report.path("baseline").path("rulesetVersion").asText())
                .isNotEqualTo(report.path("candidate").path("rulesetVersion").asText());
        assertThat(report.path("compared").asInt()).isEqualTo(report.path("changed").asInt() + report.path("unchanged").asInt());
        assertThat(report.path("invalid").asInt()).isZero();
        JsonNode cause = byCode(report, "CAUSE_HYPOKALAEMIA");
        assertThat(cause.path("gained").asInt()).isEqualTo(gained.size());
        assertThat(cause.path("lost").asInt()).isZero();
    }

    @Test
    void sameRulesOnBothSides_isNoChange_exit0() {
        Path copy = dir.resolve("unchanged-rules");
        assertThat(run("export-rules", copy.toString()).status()).isZero();

        Result result = run("impact", "--rules", copy.toString(), AuthoringCommandsTest.CASES);

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("177 compared: 0 changed, 177 unchanged, 0 invalid")
                .contains("per finding code (patients):\n  none");
    }

    @Test
    void textReport_showsEachChangedPatient_withTheEvidenceOfWhatItGains() {
        Result result = run("impact", "--rules", k36.toString(), "--as-of", "2026-12-01", heldBackCases, heldBackBundle);

        assertThat(result.status()).isEqualTo(ImpactCommand.CHANGED);
        assertThat(result.out())
                .contains("held-back-K-3.55 (held-back.jsonl): highest urgency INFO -> SOON")
                .contains("  + CAUSE_HYPOKALAEMIA (SOON, rule CAUSE-K-01): labs.POTASSIUM = 3.55 mmol/L (< 3.6)")
                .contains("  rules now firing: CAUSE-K-01, DRV-K-LOW")
                .contains("  %-34s gained 4, lost 0, withheld +0 -0, reworded 1".formatted("CAUSE_HYPOKALAEMIA"))
                .contains("7 compared: 4 changed, 3 unchanged, 0 invalid")
                .doesNotContain("held-back-K-3.4 (")
                .doesNotContain("held-back-K-3.6 (");
    }

    @Test
    void baselineOption_comparesTwoDirectories_theOtherWayRound() throws IOException {
        Result result = run("impact", "--rules", rulesDir().toString(), "--baseline", k36.toString(), "--format", "json",
                "--as-of", "2026-12-01", heldBackCases, heldBackBundle);

        assertThat(result.status()).isEqualTo(ImpactCommand.CHANGED);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.path("patients")).hasSize(4).allSatisfy(patient -> {
            assertThat(patient.path("gained")).isEmpty();
            assertThat(patient.path("lost").get(0).path("code").asText()).isEqualTo("CAUSE_HYPOKALAEMIA");
        });
        assertThat(report.path("baseline").path("rules").asText()).isEqualTo(k36.toString());
    }

    @Test
    void invalidInput_isListedWithItsCode_andTheOthersAreCompared_exit2() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(heldBack.resolve("held-back.jsonl")).lines().findFirst().orElseThrow()
                .replace("\"unit\": \"mmol/L\"", "\"unit\": \"mg/dL\""));

        Result result = run("impact", "--rules", k36.toString(), bad.toString(), heldBackCases, heldBackBundle);

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).contains("invalid, not compared:").contains("labs[0].unit: LCC-V007")
                .contains("7 compared: 4 changed, 3 unchanged, 1 invalid");
    }

    @Test
    void rulesThatDoNotBuild_orAMissingDirectory_failWithAMessage_exit1() throws IOException {
        Result missing = run("impact", "--rules", dir.resolve("nowhere").toString(), heldBackCases, heldBackBundle);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("--rules").contains("LCC-R021").doesNotContain("Exception");

        Path causes = k36.resolve("30-causes.drl");
        Files.writeString(causes, Files.readString(causes).replace("Indicator( state == State.K_LOW )", "Indicator( state == State.K_LO )"));
        assertThat(Files.readString(causes)).as("the edit took").contains("State.K_LO )");
        Result broken = run("impact", "--rules", k36.toString(), heldBackCases, heldBackBundle);
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("LCC-R036");
    }

    @Test
    void outputOption_writesTheReportToAFile() {
        Path html = dir.resolve("impact.html");
        Result result = run("impact", "--rules", k36.toString(), "--format", "html", "--output", html.toString(), heldBackCases, heldBackBundle);

        assertThat(result.status()).isEqualTo(ImpactCommand.CHANGED);
        assertThat(result.out()).isEmpty();
        assertThat(html).content(StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>").contains("held-back-K-3.59");
    }

    /** The built-in rules, exported: the baseline written out as a directory. */
    private Path rulesDir() {
        Path builtIn = dir.resolve("built-in-rules");
        if (!Files.exists(builtIn)) {
            assertThat(run("export-rules", builtIn.toString()).status()).isZero();
        }
        return builtIn;
    }

    /**
     * Who should change, from the inputs alone: every valid case whose current (not stale)
     * potassium, in mmol/L after conversion, lies in [3.5, 3.6).
     */
    private TreeSet<String> patientsWithPotassiumInTheNewBand() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        List<Path> files = new ArrayList<>(FixtureCheck.files(Path.of(AuthoringCommandsTest.CASES)));
        for (Path file : files) {
            if (CaseReader.read(file) instanceof ReadResult.Accepted accepted && inBand(accepted.patientCase())) {
                expected.add(accepted.caseId());
            }
        }
        for (String line : Files.readAllLines(heldBack.resolve("held-back.jsonl"))) {
            PatientCase c = ((ReadResult.Accepted) CaseReader.read(line, null)).patientCase();
            if (inBand(c)) {
                expected.add(c.id().orElseThrow());
            }
        }
        expected.add("bundle-K-3.55");   // The FHIR Bundle: potassium 3.55 mmol/L taken the day before --as-of.
        return expected;
    }

    private static boolean inBand(PatientCase c) {
        return c.currentLabs().stream().filter(l -> l.test() == LabTest.POTASSIUM).map(NormalisedLab::value)
                .anyMatch(k -> k.compareTo(OLD_K_LOW) >= 0 && k.compareTo(NEW_K_LOW) < 0);
    }

    private static JsonNode byCode(JsonNode report, String code) {
        for (JsonNode c : report.path("byCode")) {
            if (c.path("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no " + code + " in byCode: " + report.path("byCode"));
    }

    /**
     * The held-back set: one JSON Lines file with a complete case per potassium value (a woman of 45,
     * otherwise without findings beyond self-care), and a FHIR Bundle of a man of 60 with potassium
     * 3.55 mmol/L and nothing else recorded.
     */
    static Path writeHeldBack(Path folder) throws IOException {
        Files.createDirectories(folder);
        StringBuilder lines = new StringBuilder();
        for (String k : HELD_BACK) {
            lines.append("{\"id\": \"held-back-K-").append(k).append("\", ")
                    .append("\"patient\": {\"ageYears\": 45, \"sex\": \"FEMALE\", \"pregnancyWeeks\": null, \"postpartumWeeks\": null}, ")
                    .append("\"cramps\": {\"nightsPerWeek\": 1, \"durationMinutes\": 2, \"sites\": [\"CALF\"], \"side\": \"BOTH\", \"weeksSinceOnset\": 2}, ")
                    .append("\"symptoms\": [], \"conditions\": [], \"medications\": [], ")
                    .append("\"labs\": [{\"test\": \"POTASSIUM\", \"value\": ").append(k).append(", \"unit\": \"mmol/L\", \"daysSinceTaken\": 3}], ")
                    .append("\"history\": {\"longTravelHoursLast14Days\": 0, \"immobilisedLast28Days\": false, \"majorSurgeryLast84Days\": false, ")
                    .append("\"strenuousExerciseLast48Hours\": false, \"sittingOrStandingHoursPerDay\": 4, \"fluidIntakeLitresPerDay\": 1.8, ")
                    .append("\"alcoholUnitsPerWeek\": 2, \"smoker\": false, \"sleepsWithToesPointedOrProne\": false}}\n");
        }
        Files.writeString(folder.resolve("held-back.jsonl"), lines);
        Files.writeString(folder.resolve("bundle-K-3.55.json"), """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1966-05-01"}},
                  {"resource": {"resourceType": "Observation", "id": "k1", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
                    "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-30",
                    "valueQuantity": {"value": 3.55, "unit": "mmol/L", "system": "http://unitsofmeasure.org", "code": "mmol/L"}}}]}
                """);
        return folder;
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }
}
