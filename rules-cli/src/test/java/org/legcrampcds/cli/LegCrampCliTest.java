package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.json.TestCases.EXAMPLE;
import static org.legcrampcds.json.TestCases.EXAMPLE_ID;
import static org.legcrampcds.json.TestCases.exampleWith;
import static org.legcrampcds.json.TestCases.oneLine;
import static org.legcrampcds.json.TestCases.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of interfaces.md §2, run in-process with the built-in rule base. */
class LegCrampCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_ID = exampleWith("\"id\": \"EX-furosemide-low-potassium\",", "");
    private static final String BAD_UNIT = exampleWith("\"value\": 3.2, \"unit\": \"mmol/L\"", "\"value\": 3.2, \"unit\": \"mg/dL\"");

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {

        List<JsonNode> jsonLines() throws IOException {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.lines().toList()) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
    }

    private static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private static Result run(String... args) {
        return runWithStdin("", args);
    }

    @Test
    void jsonFormat_overADirectory_printsOneLinePerCaseInFileNameOrder_andExits0() throws IOException {
        write(dir, "b.json", NO_ID);
        write(dir, "a.json", EXAMPLE);
        write(dir, "notes.txt", "not a case");
        write(dir, "c.jsonl", oneLine(EXAMPLE));

        Result result = run("assess", "--format", "json", dir.toString());

        assertThat(result.status()).isZero();
        assertThat(result.err()).isEmpty();
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).extracting(l -> l.get("caseId").asText()).containsExactly(EXAMPLE_ID, "b");
        JsonNode first = lines.get(0);
        assertThat(first.get("rulesetVersion").asText()).isNotBlank();
        assertThat(first.get("highestUrgency").asText()).isEqualTo("SOON");
        assertThat(first.get("suppressed")).extracting(s -> s.get("code").asText())
                .containsExactly("SC_HYDRATION", "SC_MINERAL_RICH_DIET");
        assertThat(first.get("findings")).extracting(f -> f.get("code").asText()).contains("CAUSE_HYPOKALAEMIA");
    }

    @Test
    void invalidCase_printsItsErrorLineInPlace_theOthersAreAssessed_andExits2() throws IOException {
        write(dir, "1-good.json", EXAMPLE);
        write(dir, "2-bad.json", BAD_UNIT.replace(EXAMPLE_ID, "BAD-02"));
        write(dir, "3-good.json", NO_ID);

        Result result = run("assess", "--format", "json", dir.toString());

        assertThat(result.status()).isEqualTo(2);
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).extracting(l -> l.get("caseId").asText()).containsExactly(EXAMPLE_ID, "BAD-02", "3-good");
        assertThat(lines.get(1).get("error").get("field").asText()).isEqualTo("labs[0].unit");
        assertThat(lines.get(1).get("error").get("code").asText()).isEqualTo("LCC-V007");
        assertThat(lines.get(1).get("errors")).hasSize(1);
        assertThat(lines.get(1).has("findings")).isFalse();
        assertThat(lines.get(2).has("findings")).isTrue();
    }

    @Test
    void jsonLines_withABadLineInTheMiddle_stillAssessesTheOthers_andExits2() throws IOException {
        Path file = write(dir, "batch.jsonl", oneLine(NO_ID) + "\n{\"patient\": {\n\n" + oneLine(EXAMPLE) + "\n");

        Result result = run("assess", "--format", "json", file.toString());

        assertThat(result.status()).isEqualTo(2);
        List<JsonNode> lines = result.jsonLines();
        assertThat(lines).extracting(l -> l.get("caseId").asText()).containsExactly("1", "2", EXAMPLE_ID);
        assertThat(lines.get(0).has("findings")).isTrue();
        assertThat(lines.get(1).get("error").get("field").asText()).isEqualTo("$");
        assertThat(lines.get(1).get("error").get("reason").asText()).startsWith("malformed JSON at line 2, column ");
        assertThat(lines.get(2).has("findings")).isTrue();
    }

    @Test
    void dash_readsJsonLinesFromStandardInput() {
        Result result = runWithStdin(oneLine(EXAMPLE) + "\n" + oneLine(BAD_UNIT.replace(EXAMPLE_ID, "BAD")) + "\n",
                "assess", "--format", "json", "-");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out()).contains("\"caseId\":\"BAD\",\"error\":");
    }

    @Test
    void severalPaths_areAssessedInArgumentOrder() throws IOException {
        Path second = write(dir, "a-second.json", EXAMPLE.replace(EXAMPLE_ID, "SECOND"));
        Path first = write(dir, "z-first.json", EXAMPLE.replace(EXAMPLE_ID, "FIRST"));

        Result result = run("assess", "--format", "json", first.toString(), second.toString());

        assertThat(result.status()).isZero();
        assertThat(result.jsonLines()).extracting(l -> l.get("caseId").asText()).containsExactly("FIRST", "SECOND");
    }

    @Test
    void textFormat_isTheDefault_andGroupsFindingsByUrgencyWithActionEvidenceSourcesAndWithheldAdvice() throws IOException {
        Path file = write(dir, "example.json", EXAMPLE);

        Result result = run("assess", file.toString());

        assertThat(result.status()).isZero();
        String report = result.out();
        assertThat(report).startsWith("== Case " + EXAMPLE_ID + " ==")
                .contains("Rule base:", "Highest urgency: SOON")
                .contains("[CAUSE_HYPOKALAEMIA]", "Action:", "Evidence:", "labs.POTASSIUM = 3.20 mmol/L", "Sources:")
                // Sources by citation from the engine's register (issue 18), never a seed article's file name.
                .contains("Leg cramps (Clinical Knowledge Summaries). NICE, 2012.")
                .doesNotContainPattern("\\d{3}_[0-9a-f]{16}\\.txt")
                .contains("Withheld advice:",
                        "SC_HYDRATION, withheld by SAFETY_FLUID_RESTRICTION",
                        "SC_MINERAL_RICH_DIET, withheld by SAFETY_POTASSIUM_CAUTION");
        assertThat(report.indexOf("\nSOON (")).isPositive()
                .isLessThan(report.indexOf("\nROUTINE ("))
                .isLessThan(report.indexOf("\nINFO ("));
        assertThat(report.indexOf("\nINFO (")).isLessThan(report.indexOf("Withheld advice:"));
        assertThat(report).doesNotContain("{\"");
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void textFormat_reportsAnInvalidCaseWithEveryError_andExits2() throws IOException {
        Path file = write(dir, "bad.jsonl", oneLine(exampleWith("\"ageYears\": 67", "\"ageYears\": 12")
                .replace("\"value\": 3.2, \"unit\": \"mmol/L\"", "\"value\": 3.2, \"unit\": \"mg/dL\"")));

        Result result = run("assess", "--format", "text", file.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).startsWith("== Case " + EXAMPLE_ID + " ==")
                .contains("Not assessed")
                .contains("patient.ageYears: LCC-V005 ")
                .contains("labs[0].unit: LCC-V007 ")
                .endsWith("0 assessed, 1 invalid\n");
    }

    @Test
    void jsonFormat_severalErrors_areAllOnTheCasesLine() throws IOException {
        Path file = write(dir, "bad.jsonl", oneLine(exampleWith("\"ageYears\": 67", "\"ageYears\": 12")
                .replace("\"value\": 3.2, \"unit\": \"mmol/L\"", "\"value\": 3.2, \"unit\": \"mg/dL\"")));

        JsonNode line = run("assess", "--format", "json", file.toString()).jsonLines().get(0);

        assertThat(line.get("error").get("code").asText()).isEqualTo("LCC-V005");
        assertThat(line.get("errors")).extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
                .containsExactly("patient.ageYears LCC-V005", "labs[0].unit LCC-V007");
    }

    @Test
    void aPrettyPrintedCaseOnStandardInput_getsOneClearMessage() {
        Result result = runWithStdin(EXAMPLE, "assess", "--format", "json", "-");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out().lines()).hasSize(1);
        assertThat(result.out()).contains("LCC-V017").contains(
                "standard input is read as JSON Lines: one case per line; pass the file name instead");
    }

    @Test
    void emptyInput_isNotASuccess_andSaysSoWithItsCode() {
        Result result = runWithStdin("\n\n", "assess", "-");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("leg-cramp-cds: LCC-C003 no case in standard input");
        assertThat(result.out()).isEqualTo("\n0 assessed, 0 invalid\n");
    }

    @Test
    void anEmptyJsonLinesFile_besideAGoodCase_isAnErrorLine_andTheGoodCaseIsAssessed() throws IOException {
        Path empty = write(dir, "empty.jsonl", "");
        Path good = write(dir, "good.json", EXAMPLE);

        Result result = run("assess", "--format", "json", empty.toString(), good.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.jsonLines()).extracting(l -> l.get("caseId").asText()).containsExactly(EXAMPLE_ID);
        assertThat(result.err()).contains("LCC-C003 no case in " + empty);
    }

    @Test
    void oneCase_isOneCase_notOneCases() {
        Result result = runWithStdin(oneLine(EXAMPLE) + "\n", "assess", "--format", "json", "-");

        assertThat(result.status()).isZero();
        assertThat(result.err()).startsWith("leg-cramp-cds: 1 case in ").doesNotContain("cases in");
    }

    @Test
    void textFormat_endsWithASummaryLine() {
        Result result = runWithStdin(oneLine(EXAMPLE) + "\n" + oneLine(BAD_UNIT) + "\n", "assess", "-");

        assertThat(result.out()).endsWith("\n1 assessed, 1 invalid\n");
    }

    @Test
    void textFormat_showsWhatAPartialRecordLacks_andTheLabsSetAside() {
        String partial = oneLine(exampleWith("\"symptoms\": [],", "\"symptoms\": [], \"notRecorded\": [\"symptoms.CHEST_PAIN\"],")
                .replace("{\"test\": \"POTASSIUM\", \"value\": 3.2, \"unit\": \"mmol/L\"}",
                        "{\"test\": \"POTASSIUM\", \"value\": 3.2, \"unit\": \"mmol/L\", \"daysSinceTaken\": 45}"));

        Result result = runWithStdin(partial + "\n", "assess", "-");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("Record:          partial")
                .contains("Not recorded, would raise RF_CARDIORESPIRATORY_SYMPTOMS: symptoms.CHEST_PAIN")
                .contains("Set aside: potassium, 45 days old");
    }

    @Test
    void aMissingFile_isAnErrorLineWithItsCode_andTheOtherInputsAreStillAssessed_exit2() throws IOException {
        Path before = write(dir, "before.json", EXAMPLE.replace(EXAMPLE_ID, "BEFORE"));
        Path after = write(dir, "after.json", EXAMPLE.replace(EXAMPLE_ID, "AFTER"));

        Result result = run("assess", "--format", "json", before.toString(), dir.resolve("absent.json").toString(), after.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.jsonLines()).extracting(l -> l.get("caseId").asText()).containsExactly("BEFORE", "AFTER");
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("leg-cramp-cds: LCC-C001 cannot read ").contains("absent.json").doesNotContain("Exception");
    }

    @Test
    void onlyAMissingFile_exits2WithItsErrorLine_andNoResults() {
        Result result = run("assess", "--format", "json", dir.resolve("absent.json").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("LCC-C001").contains("absent.json").doesNotContain("\tat ");
    }

    @Test
    void aDirectoryWithoutCaseFiles_isAnErrorLineWithItsCode_andTheOtherInputsAreStillAssessed_exit2() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-cases"));
        write(empty, "notes.txt", "not a case");
        Path good = write(dir, "good.json", EXAMPLE);

        Result result = run("assess", "--format", "json", empty.toString(), good.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.jsonLines()).extracting(l -> l.get("caseId").asText()).containsExactly(EXAMPLE_ID);
        assertThat(result.err()).contains("leg-cramp-cds: LCC-C002 no *.json case file in " + empty);
    }

    @Test
    void rulesThatDoNotCompile_exit1WithFileAndLine_neverAStackTrace() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        write(rules, "broken.drl", "package org.legcrampcds.rules;\n\nrule \"broken\"\nwhen\n    Nonsense(\nthen\nend\n");
        Path file = write(dir, "example.json", EXAMPLE);

        Result result = run("assess", "--rules", rules.toString(), file.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("broken.drl").doesNotContain("\tat ");
    }

    @Test
    void rulesDirectoryThatDoesNotExist_exits1() throws IOException {
        Path file = write(dir, "example.json", EXAMPLE);

        Result result = run("assess", "--rules", dir.resolve("nowhere").toString(), file.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("nowhere").contains("not a directory");
    }

    @Test
    void badUsage_exits1WithOneCodedLine_andWhereToFindTheUsage_notTheWholeHelp() {
        assertThat(run("assess").status()).isEqualTo(1);
        Result badFormat = run("assess", "--format", "xml", "x.json");
        assertThat(badFormat.status()).isEqualTo(1);
        assertThat(badFormat.err()).startsWith("leg-cramp-cds: LCC-C004 ").contains("--format", "xml")
                .contains("Run 'leg-cramp-cds assess --help' for usage.")
                .doesNotContain("--threads").doesNotContain("Exception");
    }

    @Test
    void noSubcommand_namesEverySubcommand_serveToo() {
        Result result = run();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("leg-cramp-cds: LCC-C004 Missing required subcommand: "
                + "assess, serve, export-rules, validate, check, coverage or impact");
    }

    @Test
    void aMisspeltSubcommand_getsPicocliSuggestion() {
        Result result = run("asess", "x.json");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("LCC-C004").contains("assess");
    }

    @Test
    void threadsBelowOne_isAUsageError() {
        Result result = runWithStdin(oneLine(EXAMPLE) + "\n", "assess", "--threads", "0", "-");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("leg-cramp-cds: LCC-C004 --threads 0: must be at least 1");
    }

    @Test
    void help_andVersion_exit0() {
        Result help = run("assess", "--help");
        Result version = run("--version");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: leg-cramp-cds assess", "--format", "--rules", "PATH");
        assertThat(version.status()).isZero();
        assertThat(version.out()).contains("leg-cramp-cds").contains("rule base");
    }

    // ------------------------------------------------------------ FHIR input (interfaces.md 6)

    private static final String BUNDLE = """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "gender": "male",
                "birthDate": "1950-03-01", "extension": [{"url": "http://example.org/local", "valueString": "tolerated"}]}},
              {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
                "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-16",
                "valueQuantity": {"value": 2.4, "unit": "mmol/L", "system": "http://unitsofmeasure.org", "code": "mmol/L"}}},
              {"fullUrl": "urn:uuid:e1", "resource": {"resourceType": "Encounter", "id": "e1", "status": "finished",
                "class": {"code": "AMB"}}}
            ]}
            """;

    @Test
    void aFhirBundle_isMappedAtTheAsOfDate_andItsResultSaysWhatWasNotUsed() throws IOException {
        Path file = write(dir, "patient-bundle.json", BUNDLE);

        Result result = run("assess", "--format", "json", "--as-of", "2026-12-01", file.toString());

        assertThat(result.status()).isZero();
        JsonNode line = result.jsonLines().get(0);
        assertThat(line.get("caseId").asText()).isEqualTo("patient-bundle");
        assertThat(line.get("asOf").asText()).isEqualTo("2026-12-01");
        assertThat(line.get("highestUrgency").asText()).isEqualTo("EMERGENCY");
        assertThat(line.get("unmapped")).extracting(u -> u.get("resource").asText() + " " + u.get("reason").asText())
                .containsExactly("Encounter/e1 unsupported-type");
        assertThat(line.get("notRecorded")).extracting(JsonNode::asText).contains("cramps.nightsPerWeek", "symptoms.CHEST_PAIN");
        assertThat(line.get("recordComplete").asBoolean()).isFalse();
    }

    @Test
    void aFhirBundle_inTheTextReport_showsTheAsOfDateAndWhatWasNotUsed() throws IOException {
        Path file = write(dir, "patient-bundle.json", BUNDLE);

        Result result = run("assess", "--as-of", "2026-12-01", file.toString());

        assertThat(result.out()).contains("From FHIR as of: 2026-12-01")
                .contains("Not used: 1 Encounter (unsupported-type)").doesNotContain("Encounter/e1");
    }

    @Test
    void anAgedLabInABundle_isSetAsideAtALaterAsOfDate() throws IOException {
        Path file = write(dir, "patient-bundle.json", BUNDLE);

        JsonNode line = run("assess", "--format", "json", "--as-of", "2027-01-01", file.toString()).jsonLines().get(0);

        assertThat(line.get("staleLabs").toString()).isEqualTo("[{\"test\":\"POTASSIUM\",\"daysSinceTaken\":46,\"maxDays\":30}]");
    }

    @Test
    void aBadBundle_isAnInvalidCaseNamingTheFhirLocation() throws IOException {
        Path file = write(dir, "bad-bundle.json", BUNDLE.replace("\"birthDate\": \"1950-03-01\"", "\"birthDate\": \"1950-13-45\""));

        Result result = run("assess", "--format", "json", "--as-of", "2026-12-01", file.toString());

        assertThat(result.status()).isEqualTo(2);
        JsonNode error = result.jsonLines().get(0).get("error");
        assertThat(error.get("field").asText()).isEqualTo("Bundle.entry[0].resource.birthDate");
        assertThat(error.get("code").asText()).isEqualTo("LCC-F005");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void aMalformedAsOfDate_isAUsageError_namingTheExpectedForm_withoutJavaNamesOrTheWholeHelp() {
        for (String bad : List.of("01/12/2026", "2026-13-01", "2026-02-30", "tomorrow")) {
            Result result = run("assess", "--as-of", bad, "x.json");

            assertThat(result.status()).as(bad).isEqualTo(1);
            assertThat(result.err().lines()).as(bad).hasSize(2);
            assertThat(result.err()).as(bad).startsWith("leg-cramp-cds: LCC-C004 ")
                    .contains("--as-of", "'" + bad + "'", "YYYY-MM-DD")
                    .doesNotContain("java.").doesNotContain("Exception").doesNotContain("LocalDate").doesNotContain("Usage:");
        }
    }
}
