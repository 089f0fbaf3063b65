package org.legcrampcds.json;

import org.legcrampcds.model.ReadResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.legcrampcds.json.TestCases.EXAMPLE;
import static org.legcrampcds.json.TestCases.EXAMPLE_ID;
import static org.legcrampcds.json.TestCases.exampleWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.InputDiagnostic;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.NormalisedLab;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.ValidationError;

class CaseReaderTest {

    @TempDir
    Path dir;

    private static PatientCase read(String json) {
        return CaseReader.readCase(json, "default-id");
    }

    /** The errors of a rejected case as "field CODE": tests assert codes, so that reasons can be reworded. */
    private static List<String> errorsOf(String json) {
        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> read(json));
        assertThat(e).as("the case should be rejected").isNotNull();
        return located(e.errors());
    }

    private static List<String> reasonsOf(String json) {
        InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> read(json));
        assertThat(e).as("the case should be rejected").isNotNull();
        return e.errors().stream().map(ValidationError::reason).toList();
    }

    private static List<String> located(List<ValidationError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.code()).toList();
    }

    private static String err(String field, InputDiagnostic diagnostic) {
        return field + " " + diagnostic.code();
    }

    private static NormalisedLab lab(PatientCase c, LabTest test) {
        return c.labs().stream().filter(l -> l.test() == test).findFirst().orElseThrow();
    }

    @Nested
    class ValidCases {

        @Test
        void exampleCase_isReadWithEveryPart() {
            PatientCase c = read(EXAMPLE);

            assertThat(c.id()).contains(EXAMPLE_ID);
            assertThat(c.patient().ageYears()).isEqualTo(67);
            assertThat(c.patient().pregnancyWeeks()).isNull();
            assertThat(c.cramps().sites()).containsExactly(CrampSite.CALF);
            assertThat(c.conditions()).containsExactly(Condition.HEART_FAILURE);
            assertThat(c.medications()).extracting(m -> m.name()).containsExactly("furosemide", "ramipril");
            assertThat(c.history().sleepsWithToesPointedOrProne()).isTrue();
            assertThat(lab(c, LabTest.MAGNESIUM).value()).isEqualByComparingTo("0.78");
        }

        @Test
        void fileWithoutId_isNamedByItsFileNameWithoutJson() throws IOException {
            Path file = TestCases.write(dir, "HB-07.json", exampleWith("\"id\": \"EX-furosemide-low-potassium\",", ""));

            assertThat(CaseReader.readCase(file).id()).contains("HB-07");
        }

        @Test
        void fileWithId_keepsItsOwnId() throws IOException {
            Path file = TestCases.write(dir, "other-name.json", EXAMPLE);

            assertThat(CaseReader.readCase(file).id()).contains(EXAMPLE_ID);
        }

        @Test
        void textWithoutId_isNamedByTheGivenDefault() {
            PatientCase c = read(exampleWith("\"id\": \"EX-furosemide-low-potassium\",", ""));

            assertThat(c.id()).contains("default-id");
        }

        @Test
        void absentArrays_areEmpty() {
            String json = exampleWith("\"symptoms\": [],", "");
            json = TestCases.replaceOnce(json, "\"conditions\": [\"HEART_FAILURE\"],", "");
            json = json.replaceAll("(?s)\"medications\": \\[.*?\\],\\s*\"labs\": \\[.*?\\],", "");

            PatientCase c = read(json);

            assertThat(c.symptoms()).isEmpty();
            assertThat(c.conditions()).isEmpty();
            assertThat(c.medications()).isEmpty();
            assertThat(c.labs()).isEmpty();
        }

        @Test
        void duplicateCodes_areDeDuplicated() {
            String json = exampleWith("\"symptoms\": []", "\"symptoms\": [\"TINGLING\", \"NUMBNESS\", \"TINGLING\"]");
            json = TestCases.replaceOnce(json, "\"conditions\": [\"HEART_FAILURE\"]", "\"conditions\": [\"HEART_FAILURE\", \"HEART_FAILURE\"]");
            json = TestCases.replaceOnce(json, "\"sites\": [\"CALF\"]", "\"sites\": [\"FOOT\", \"CALF\", \"FOOT\"]");

            PatientCase c = read(json);

            assertThat(c.symptoms()).containsExactlyInAnyOrder(Symptom.TINGLING, Symptom.NUMBNESS);
            assertThat(c.conditions()).containsExactly(Condition.HEART_FAILURE);
            assertThat(c.cramps().sites()).containsExactlyInAnyOrder(CrampSite.CALF, CrampSite.FOOT);
        }

        @Test
        void pregnancyAndPostpartumWeeks_mayBeAbsent() {
            PatientCase c = read(exampleWith(", \"pregnancyWeeks\": null, \"postpartumWeeks\": null", ""));

            assertThat(c.patient().pregnancyWeeks()).isNull();
            assertThat(c.patient().postpartumWeeks()).isNull();
        }

        @Test
        void startedDaysAgo_mayBeAbsentOrNull() {
            String json = exampleWith(", \"startedDaysAgo\": 70", "");
            json = TestCases.replaceOnce(json, "\"startedDaysAgo\": 900", "\"startedDaysAgo\": null");

            assertThat(read(json).medications()).extracting(m -> m.startedDaysAgo()).containsExactly(null, null);
        }

        @Test
        void theAcceptedTopLevelExtras_doNotAffectTheCase() {
            PatientCase c = read(exampleWith("\"description\":", "\"expect\": {\"present\": []}, \"notRecorded\": [], \"description\":"));

            assertThat(c.id()).contains(EXAMPLE_ID);
            assertThat(c.isRecordComplete()).as("an empty notRecorded lists nothing").isTrue();
        }

        @Test
        void aPartialRecord_isReadWithItsUnknownsHeldAsNotRecorded() {
            PatientCase c = read(exampleWith("\"cramps\": {\"nightsPerWeek\": 5, \"durationMinutes\": 3, \"sites\": [\"CALF\"], \"side\": \"BOTH\", \"weeksSinceOnset\": 6},",
                    "\"notRecorded\": [\"cramps.*\", \"symptoms.CHEST_PAIN\"],"));

            assertThat(c.cramps().nightsPerWeek()).isNull();
            assertThat(c.notRecorded()).contains("cramps.nightsPerWeek", "symptoms.CHEST_PAIN");
            assertThat(c.safetyInputsRecorded()).isFalse();
        }

        @Test
        void labAgeAndThePregnantFlag_areRead() {
            PatientCase c = read(exampleWith("{\"test\": \"SODIUM\", \"value\": 138, \"unit\": \"mmol/L\"}",
                    "{\"test\": \"SODIUM\", \"value\": 138, \"unit\": \"mmol/L\", \"daysSinceTaken\": 45}")
                    .replace("\"postpartumWeeks\": null}", "\"postpartumWeeks\": null, \"pregnant\": true}"));

            assertThat(lab(c, LabTest.SODIUM).daysSinceTaken()).isEqualTo(45);
            assertThat(c.staleLabs()).extracting(stale -> stale.test()).containsExactly(LabTest.SODIUM);
            assertThat(c.patient().pregnant()).isTrue();
        }

        @Test
        void byteOrderMark_isAccepted() throws IOException {
            Path file = TestCases.write(dir, "bom.json", "\uFEFF" + EXAMPLE);

            assertThat(CaseReader.readCase(file).id()).contains(EXAMPLE_ID);
        }
    }

    @Nested
    class UnitsAndExactArithmetic {

        @Test
        void unitMatching_ignoresCaseAndSpaces() {
            PatientCase c = read(exampleWith("\"unit\": \"mg/dL\"", "\"unit\": \" MG/DL \""));

            assertThat(lab(c, LabTest.MAGNESIUM).value()).isEqualByComparingTo("0.78");
        }

        @Test
        void unitMatching_readsMicroSignAndGreekMuAsU() {
            String micro = exampleWith("{\"test\": \"SODIUM\", \"value\": 138, \"unit\": \"mmol/L\"}",
                    "{\"test\": \"TSH\", \"value\": 2.5, \"unit\": \"\u00b5IU/mL\"}");
            String greek = exampleWith("{\"test\": \"SODIUM\", \"value\": 138, \"unit\": \"mmol/L\"}",
                    "{\"test\": \"TSH\", \"value\": 2.5, \"unit\": \"\u03bcIU/mL\"}");

            assertThat(lab(read(micro), LabTest.TSH).value()).isEqualByComparingTo("2.50");
            assertThat(lab(read(greek), LabTest.TSH).value()).isEqualByComparingTo("2.50");
        }

        @Test
        void adjustedCalcium_7_59516mgPerDl_convertsExactlyTo_1_90() {
            // 7.59516 / 4.008 = 1.895 exactly: through double it could round down to 1.89 (catalogue §2.8 item 1).
            PatientCase c = read(exampleWith("{\"test\": \"SODIUM\", \"value\": 138, \"unit\": \"mmol/L\"}",
                    "{\"test\": \"ADJUSTED_CALCIUM\", \"value\": 7.59516, \"unit\": \"mg/dL\"}"));

            assertThat(lab(c, LabTest.ADJUSTED_CALCIUM).value()).isEqualTo(new BigDecimal("1.90"));
        }

        @Test
        void numbers_keepEveryDigitAsWritten() {
            String digits = "1.00000000000000000000000000001";
            PatientCase c = read(exampleWith("\"weeksSinceOnset\": 6", "\"weeksSinceOnset\": " + digits)
                    .replace("\"value\": 3.2,", "\"value\": 3.20,"));

            assertThat(c.cramps().weeksSinceOnset()).isEqualTo(new BigDecimal(digits));
            assertThat(lab(c, LabTest.POTASSIUM).reported().value()).isEqualTo(new BigDecimal("3.20"));
        }

        @Test
        void anIntegerIsWelcomeWhereANumberIsAsked() {
            PatientCase c = read(EXAMPLE);

            assertThat(c.cramps().durationMinutes()).isEqualTo(new BigDecimal("3"));
            assertThat(c.history().fluidIntakeLitresPerDay()).isEqualTo(new BigDecimal("1.5"));
        }
    }

    @Nested
    class StructuralErrors {

        @Test
        void integerWithFraction_isWrongType() {
            assertThat(errorsOf(exampleWith("\"pregnancyWeeks\": null", "\"pregnancyWeeks\": 30.0")))
                    .containsExactly(err("patient.pregnancyWeeks", InputDiagnostic.WRONG_TYPE));
        }

        @Test
        void integerWithExponent_isWrongType() {
            assertThat(errorsOf(exampleWith("\"pregnancyWeeks\": null", "\"pregnancyWeeks\": 3e1")))
                    .containsExactly(err("patient.pregnancyWeeks", InputDiagnostic.WRONG_TYPE));
        }

        @Test
        void ageWithFractionOrExponent_isReportedWithTheAgeRangeText() {
            assertThat(errorsOf(exampleWith("\"ageYears\": 67", "\"ageYears\": 67.0")))
                    .containsExactly(err("patient.ageYears", InputDiagnostic.OUT_OF_RANGE));
            assertThat(errorsOf(exampleWith("\"ageYears\": 67", "\"ageYears\": 6.7e1")))
                    .containsExactly(err("patient.ageYears", InputDiagnostic.OUT_OF_RANGE));
        }

        @Test
        void integerBeyondJavaInt_isOutOfRange() {
            assertThat(errorsOf(exampleWith("\"startedDaysAgo\": 70", "\"startedDaysAgo\": 99999999999999999999")))
                    .containsExactly(err("medications[0].startedDaysAgo", InputDiagnostic.OUT_OF_RANGE));
        }

        @Test
        @Timeout(10)
        void hugeExponent_isRejectedBeforeAnyArithmetic() {
            assertThat(errorsOf(exampleWith("\"value\": 3.2,", "\"value\": 3.2e999999999,")))
                    .containsExactly(err("labs[0].value", InputDiagnostic.OUT_OF_RANGE));
            assertThat(errorsOf(exampleWith("\"value\": 3.2,", "\"value\": 3.2e-999999999,")))
                    .containsExactly(err("labs[0].value", InputDiagnostic.OUT_OF_RANGE));
        }

        @Test
        void nullObject_isAMissingObject() {
            String json = exampleWith("\"cramps\": {\"nightsPerWeek\": 5, \"durationMinutes\": 3, \"sites\": [\"CALF\"], "
                    + "\"side\": \"BOTH\", \"weeksSinceOnset\": 6}", "\"cramps\": null");

            assertThat(errorsOf(json)).containsExactly(err("cramps", InputDiagnostic.MISSING));
        }

        @Test
        void nullRequiredField_isAMissingField() {
            assertThat(errorsOf(exampleWith("\"smoker\": false", "\"smoker\": null")))
                    .containsExactly(err("history.smoker", InputDiagnostic.MISSING));
        }

        @Test
        void codeInWrongCase_isUnknown() {
            assertThat(errorsOf(exampleWith("\"side\": \"BOTH\"", "\"side\": \"both\"")))
                    .containsExactly(err("cramps.side", InputDiagnostic.UNKNOWN_CODE));
        }

        @Test
        void nonStringCodes_areUnknownCodesShownAsJson() {
            assertThat(errorsOf(exampleWith("\"symptoms\": []", "\"symptoms\": [\"NUMBNESS\", null, {\"a\": 1}]")))
                    .containsExactly(err("symptoms[1]", InputDiagnostic.UNKNOWN_CODE),
                            err("symptoms[2]", InputDiagnostic.UNKNOWN_CODE));
        }

        @Test
        void onlyUnknownSites_reportTheSitesNotAnEmptyList() {
            assertThat(errorsOf(exampleWith("\"sites\": [\"CALF\"]", "\"sites\": [\"KNEE\"]")))
                    .containsExactly(err("cramps.sites[0]", InputDiagnostic.UNKNOWN_CODE));
        }

        @Test
        void unknownLabTest_isNotAlsoAMissingTest() {
            assertThat(errorsOf(exampleWith("\"test\": \"SODIUM\"", "\"test\": \"CALCIUM\"")))
                    .containsExactly(err("labs[1].test", InputDiagnostic.VERSION_1_NAME));
        }

        @Test
        void nonObjectMedication_keepsTheIndicesOfTheOthers() {
            String json = exampleWith("{\"name\": \"furosemide\", \"drugClass\": \"LOOP_DIURETIC\", \"startedDaysAgo\": 70}",
                    "\"furosemide\"");
            json = TestCases.replaceOnce(json, "\"drugClass\": \"ACE_INHIBITOR\"", "\"drugClass\": \"STATIN\"");

            assertThat(errorsOf(json)).containsExactly(
                    err("medications[0]", InputDiagnostic.WRONG_TYPE),
                    err("medications[1].drugClass", InputDiagnostic.DRUG_CLASS_MISMATCH));
        }

        @Test
        void versionOneHistory_isRejectedForItsOldFieldFirst() {
            String json = exampleWith("\"immobilisedLast28Days\": false,\n    \"majorSurgeryLast84Days\": false,",
                    "\"immobilisedOrSurgeryLast28Days\": false,");

            assertThat(errorsOf(json)).containsExactly(
                    err("history.immobilisedOrSurgeryLast28Days", InputDiagnostic.VERSION_1_NAME),
                    err("history.immobilisedLast28Days", InputDiagnostic.MISSING),
                    err("history.majorSurgeryLast84Days", InputDiagnostic.MISSING));
        }

        @Test
        void structuralAndSemanticErrors_areAllReported_structuralFirst() {
            String json = exampleWith("\"ageYears\": 67", "\"ageYears\": 17");
            json = TestCases.replaceOnce(json, "\"symptoms\": []", "\"symptoms\": [\"LEG_ITCH\"]");
            json = TestCases.replaceOnce(json, "\"value\": 3.2, \"unit\": \"mmol/L\"}", "\"value\": 3.2, \"unit\": \"mg/dL\"}");

            assertThat(errorsOf(json)).containsExactly(
                    err("symptoms[0]", InputDiagnostic.UNKNOWN_CODE),
                    err("patient.ageYears", InputDiagnostic.OUT_OF_RANGE),
                    err("labs[0].unit", InputDiagnostic.UNSUPPORTED_UNIT));
        }

        @Test
        void documentThatIsNotAnObject_isRejectedOnTheWholeDocument() {
            assertThat(errorsOf("[" + EXAMPLE + "]"))
                    .containsExactly(err("$", InputDiagnostic.WRONG_TYPE));
        }

        @Test
        void rejectedCase_keepsItsOwnIdForTheReport() {
            ReadResult result = CaseReader.read(exampleWith("\"ageYears\": 67", "\"ageYears\": 12"), "default-id");

            assertThat(result).isInstanceOf(ReadResult.Rejected.class);
            assertThat(result.caseId()).isEqualTo(EXAMPLE_ID);
        }

        @Test
        void idThatIsNotAString_isReportedAndTheDefaultNamesTheCase() {
            ReadResult result = CaseReader.read(exampleWith("\"id\": \"EX-furosemide-low-potassium\"", "\"id\": 17"), "default-id");

            assertThat(result.caseId()).isEqualTo("default-id");
            assertThat(located(((ReadResult.Rejected) result).errors()))
                    .containsExactly(err("id", InputDiagnostic.WRONG_TYPE));
        }

        /**
         * Review finding (release 2.2): a misspelt top-level key was ignored, so a patient whose labs
         * were sent as {@code "lab"} (potassium 2.4 mmol/L, an EMERGENCY) was assessed as having no
         * labs at all and came out INFO. Any key the format does not define is now an error.
         */
        @Test
        void anExpectBlockThatIsNotAnObject_isAWrongType() {
            String json = exampleWith("\"description\":", "\"expect\": [\"CAUSE_AGE\"], \"description\":");

            assertThat(errorsOf(json)).containsExactly(err("expect", InputDiagnostic.WRONG_TYPE));
        }

        @Test
        void aMisspeltTopLevelKey_isRejectedNotSilentlyDropped() {
            String json = exampleWith("\"labs\": [", "\"lab\": [");

            assertThat(errorsOf(json)).containsExactly(err("lab", InputDiagnostic.UNKNOWN_FIELD));
        }

        @Test
        void aMisspeltKey_suggestsTheNearestKnownKeyOfItsObject() {
            assertThat(reasonsOf(exampleWith("\"labs\": [", "\"lab\": [")))
                    .containsExactly("unknown field (did you mean 'labs'?)");
            assertThat(reasonsOf(exampleWith("\"ageYears\": 67", "\"ageYear\": 67, \"ageYears\": 67")))
                    .containsExactly("unknown field (did you mean 'ageYears'?)");
        }

        @Test
        void anUnrelatedUnknownKey_getsNoSuggestion() {
            assertThat(reasonsOf(exampleWith("\"labs\": [", "\"weightKg\": 80, \"labs\": [")))
                    .containsExactly("unknown field");
        }

        @Test
        void anUnknownCode_listsTheAcceptedValues() {
            assertThat(reasonsOf(exampleWith("\"sex\": \"FEMALE\"", "\"sex\": \"F\"")))
                    .containsExactly("unknown sex 'F' (accepted: FEMALE, MALE, OTHER, UNKNOWN)");
        }

        @Test
        void anUnsupportedUnit_listsTheAcceptedUnits() {
            assertThat(reasonsOf(exampleWith("\"value\": 3.2, \"unit\": \"mmol/L\"", "\"value\": 3.2, \"unit\": \"mg/dL\"")))
                    .containsExactly("unsupported unit 'mg/dL' for POTASSIUM (accepted: mmol/L, mEq/L)");
        }
    }

    @Nested
    class MalformedJson {

        @Test
        void malformedJson_isReportedWithLineAndColumn() {
            // The second comma is the 30th character of line 3.
            String json = "{\n  \"id\": \"x\",\n  \"patient\": {\"ageYears\": 67,, \"sex\": \"MALE\"}\n}\n";

            InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> read(json));

            assertThat(e.field()).isEqualTo("$");
            assertThat(e.reason()).startsWith("malformed JSON at line 3, column 30: Unexpected character (','")
                    .doesNotContain("\n").doesNotContain("Source");
            assertThat(e.getCause()).isInstanceOfSatisfying(JsonProcessingException.class, cause -> {
                assertThat(cause.getLocation().getLineNr()).isEqualTo(3);
                assertThat(cause.getLocation().getColumnNr()).isEqualTo(30);
            });
        }

        @Test
        void truncatedFile_isMalformed() throws IOException {
            Path file = TestCases.write(dir, "truncated.json", EXAMPLE.substring(0, 200));

            assertThatThrownBy(() -> CaseReader.readCase(file))
                    .isInstanceOfSatisfying(InvalidCaseException.class, e -> {
                        assertThat(e.field()).isEqualTo("$");
                        assertThat(e.reason()).matches("malformed JSON at line \\d+, column \\d+: .+");
                    });
        }

        @Test
        void repeatedKey_isMalformedRatherThanSilentlyOverwritten() {
            InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class,
                    () -> read(exampleWith("\"smoker\": false", "\"smoker\": false, \"smoker\": true")));

            assertThat(e.errors()).hasSize(1);
            assertThat(e.reason()).startsWith("malformed JSON at line 25, ").endsWith("Duplicate field 'smoker'");
        }

        @Test
        void contentAfterTheCase_isMalformed() {
            InvalidCaseException e = catchThrowableOfType(InvalidCaseException.class, () -> read(EXAMPLE + "{}"));

            assertThat(e.reason()).startsWith("malformed JSON at line 29, ").endsWith("more content after the end of the case");
        }

        @Test
        void emptyDocument_isMalformed() {
            assertThat(errorsOf("  \n ")).containsExactly(
                    err("$", InputDiagnostic.MALFORMED_JSON));
        }

        @Test
        void fileThatIsNotUtf8_isMalformed() throws IOException {
            Path file = dir.resolve("latin1.json");
            Files.write(file, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xE9, '"', '}'});

            assertThatThrownBy(() -> CaseReader.readCase(file))
                    .isInstanceOfSatisfying(InvalidCaseException.class, e -> assertThat(located(e.errors())).containsExactly(
                            err("$", InputDiagnostic.MALFORMED_JSON)));
        }

        @Test
        void missingFile_isAnIoErrorNotAnInvalidCase() {
            assertThatThrownBy(() -> CaseReader.readCase(dir.resolve("absent.json"))).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Nested
    class JsonLines {

        private List<ReadResult> readLines(String text) throws IOException {
            List<ReadResult> results = new ArrayList<>();
            CaseReader.readJsonLines(new BufferedReader(new StringReader(text)), "input", false, results::add);
            return results;
        }

        @Test
        void badLineInTheMiddle_isRejectedAndTheOthersAreRead() throws IOException {
            String noId = TestCases.oneLine(exampleWith("\"id\": \"EX-furosemide-low-potassium\",", ""));
            String text = noId + "\n" + "{\"patient\": \n" + "\n" + TestCases.oneLine(EXAMPLE) + "\n";

            List<ReadResult> results = readLines(text);

            assertThat(results).extracting(ReadResult::caseId).containsExactly("1", "2", EXAMPLE_ID);
            assertThat(results.get(0)).isInstanceOf(ReadResult.Accepted.class);
            assertThat(results.get(1)).isInstanceOfSatisfying(ReadResult.Rejected.class, rejected -> {
                assertThat(rejected.errors()).hasSize(1);
                assertThat(rejected.errors().get(0).field()).isEqualTo("$");
                assertThat(rejected.errors().get(0).reason()).startsWith("malformed JSON at line 2, column ");
            });
            assertThat(results.get(2)).isInstanceOf(ReadResult.Accepted.class);
        }

        @Test
        void blankLines_areSkippedButCounted() throws IOException {
            String noId = TestCases.oneLine(exampleWith("\"id\": \"EX-furosemide-low-potassium\",", ""));

            List<ReadResult> results = readLines("\n   \n" + noId + "\n\n" + noId);

            assertThat(results).extracting(ReadResult::caseId).containsExactly("3", "5");
        }

        @Test
        void aLineOfCharactersThatAreNoJsonWhitespace_isReportedNotSkipped() throws IOException {
            List<ReadResult> results = readLines(TestCases.oneLine(EXAMPLE) + "\n \t \n\u2028\u000B\n");

            assertThat(results).hasSize(2);
            assertThat(located(((ReadResult.Rejected) results.get(1)).errors())).containsExactly(err("$", InputDiagnostic.MALFORMED_JSON));
            assertThat(results.get(1).caseId()).isEqualTo("3");
        }

        @Test
        void invalidLine_isNamedByItsLineNumberAndField() throws IOException {
            String bad = TestCases.oneLine(exampleWith("\"id\": \"EX-furosemide-low-potassium\",", "")
                    .replace("\"unit\": \"mmol/L\"}", "\"unit\": \"mg/dL\"}"));

            List<ReadResult> results = readLines(TestCases.oneLine(EXAMPLE) + "\n" + bad + "\n");

            assertThat(results.get(1).caseId()).isEqualTo("2");
            assertThat(located(((ReadResult.Rejected) results.get(1)).errors())).containsExactly(
                    err("labs[0].unit", InputDiagnostic.UNSUPPORTED_UNIT),
                    err("labs[1].unit", InputDiagnostic.UNSUPPORTED_UNIT));
        }

        @Test
        void pendingCases_readTheSameAsReadJsonLines_lineByLineAndLazily() throws IOException {
            String noId = TestCases.oneLine(exampleWith("\"id\": \"EX-furosemide-low-potassium\",", ""));
            String text = "\uFEFF" + noId + "\n  \n{\"patient\": \n" + TestCases.oneLine(EXAMPLE) + "\r\n\u000B\n";
            CountingReader source = new CountingReader(text);

            java.util.Iterator<PendingCase> pending = CaseReader.jsonLines(new BufferedReader(source, 1), "input", false);
            PendingCase first = pending.next();

            // Only the first line (and the look-ahead of BufferedReader's one-char buffer) was read.
            assertThat(source.read).isLessThanOrEqualTo(noId.length() + 3);
            List<ReadResult> results = new ArrayList<>(List.of(first.read()));
            pending.forEachRemaining(p -> results.add(p.read()));
            assertThat(results).extracting(ReadResult::caseId).containsExactly("1", "3", EXAMPLE_ID, "5");
            assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Accepted", "Rejected", "Accepted",
                    "Rejected");
            assertThat(results.stream().map(CaseReaderTest::describe).toList())
                    .isEqualTo(readLines(text).stream().map(CaseReaderTest::describe).toList());
        }

        @Test
        void pendingCases_ofAPrettyPrintedCase_areOneRejection() {
            java.util.Iterator<PendingCase> pending = CaseReader.jsonLines(new BufferedReader(new StringReader(EXAMPLE)), "input", true);

            ReadResult only = pending.next().read();

            assertThat(pending.hasNext()).isFalse();
            assertThat(located(((ReadResult.Rejected) only).errors())).containsExactly(err("$", InputDiagnostic.NOT_JSON_LINES));
            assertThat(((ReadResult.Rejected) only).errors().get(0).reason()).contains("standard input");
        }

        @Test
        void pendingCases_reportAnUnreadableInputAsUncheckedIo_andReadJsonLinesAsIoException() {
            java.io.Reader broken = new java.io.Reader() {
                @Override
                public int read(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("disk gone");
                }

                @Override
                public void close() {
                }
            };

            assertThatThrownBy(() -> CaseReader.jsonLines(new BufferedReader(broken), "input", false).hasNext())
                    .isInstanceOf(java.io.UncheckedIOException.class).hasRootCauseMessage("disk gone");
            assertThatThrownBy(() -> CaseReader.readJsonLines(new BufferedReader(broken), "input", false, r -> { }))
                    .isInstanceOf(IOException.class).hasMessage("disk gone");
        }
    }

    @Test
    void readsAreIndependent_soOneReaderServesManyThreads() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        assertThat(read(EXAMPLE).id()).contains(EXAMPLE_ID);
                        assertThat(errorsOf(exampleWith("\"ageYears\": 67", "\"ageYears\": 7"))).hasSize(1);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(failures).isEmpty();
    }

    /** A result as text, for comparing two readings ({@link PatientCase} has identity equality). */
    private static String describe(ReadResult result) {
        if (result instanceof ReadResult.Rejected rejected) {
            return "rejected " + rejected.caseId() + " " + rejected.errors();
        }
        PatientCase c = ((ReadResult.Accepted) result).patientCase();
        return "accepted " + List.of(c.id(), c.patient(), c.cramps(), c.history(), c.symptoms(), c.conditions(),
                c.medications(), c.labs(), c.notRecorded());
    }

    /** Counts the characters taken from it, to show that a reader reads lazily. */
    private static final class CountingReader extends StringReader {
        int read;

        CountingReader(String text) {
            super(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
