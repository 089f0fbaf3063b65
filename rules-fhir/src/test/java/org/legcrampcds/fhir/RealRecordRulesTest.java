package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.Unmapped;

/**
 * Issue 17: records from a realistic generator (Synthea) were refused, or used another patient's
 * result, or lost a value to a repeated key. Each rule of interfaces.md §6 (2.3) on a small
 * hand-made Bundle.
 */
class RealRecordRulesTest {

    private static final FhirCaseMapper MAPPER = FhirCaseMapper.create();
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final CrampAssessor ASSESSOR = CrampAssessor.builder().build();

    private static final String PATIENT = """
            {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1950-03-01"}""";

    private static String bundle(String... resources) {
        StringBuilder json = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [\n  {\"resource\": "
                + PATIENT + "}");
        for (String resource : resources) {
            json.append(",\n  {\"resource\": ").append(resource).append('}');
        }
        return json.append("\n]}").toString();
    }

    private static String observation(String id, String subject, String date, String loinc, String value, String ucum) {
        return """
                {"resourceType": "Observation", "id": "%s", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "%s"},
                 "effectiveDateTime": "%s", "valueQuantity": {"value": %s, "system": "http://unitsofmeasure.org", "code": "%s"}}
                """.formatted(id, loinc, subject, date, value, ucum);
    }

    private static List<String> unmapped(ReadResult.Accepted mapped) {
        return mapped.mapping().unmapped().stream().map(u -> u.resource() + " " + u.reason().code()).toList();
    }

    private static Unmapped only(ReadResult.Accepted mapped, String resource) {
        return mapped.mapping().unmapped().stream().filter(u -> u.resource().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void anHba1cOf2point5Percent_isAnImplausibleValue_notARefusal() {
        ReadResult read = MAPPER.read(bundle(observation("a1c", "Patient/p1", "2026-11-20", "4548-4", "2.5", "%")),
                AS_OF, null, "test");

        assertThat(read).as("27 of 150 Synthea patients were refused for this").isInstanceOf(ReadResult.Accepted.class);
        ReadResult.Accepted mapped = (ReadResult.Accepted) read;
        assertThat(mapped.patientCase().labs()).noneMatch(l -> l.test() == LabTest.HBA1C);
        Unmapped a1c = only(mapped, "Observation/a1c");
        assertThat(a1c.reason()).isEqualTo(Unmapped.Reason.IMPLAUSIBLE_VALUE);
        assertThat(a1c.detail()).contains("2.5 %").contains("4 mmol/mol").contains("15-200 mmol/mol");
    }

    @Test
    void anImplausibleLatestResult_leavesTheTestAbsent_neverTheOlderValue() {
        ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(bundle(
                observation("old", "Patient/p1", "2026-10-01", "4548-4", "7.0", "%"),
                observation("new", "Patient/p1", "2026-11-20", "4548-4", "2.5", "%")), AS_OF, null, "test"));

        assertThat(mapped.patientCase().labs()).noneMatch(l -> l.test() == LabTest.HBA1C);
        assertThat(unmapped(mapped)).containsExactly("Observation/new implausible-value", "Observation/old superseded");
    }

    @Test
    void anotherPatientsCriticalPotassium_isOtherPatient_andRaisesNoFinding() {
        ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(bundle(
                observation("k", "Patient/someone-else", "2026-11-30", "2823-3", "2.3", "mmol/L")), AS_OF, null, "test"));

        assertThat(mapped.patientCase().labs()).noneMatch(l -> l.test() == LabTest.POTASSIUM);
        assertThat(only(mapped, "Observation/k").reason()).isEqualTo(Unmapped.Reason.OTHER_PATIENT);
        Assessment result = ASSESSOR.assess(mapped.patientCase());
        assertThat(result.codes()).doesNotContain("RF_CRITICAL_LAB_VALUE", "CAUSE_HYPOKALAEMIA");
    }

    @Test
    void theAssessedPatientsOwnReferences_inEveryForm_areUsed() {
        for (String subject : List.of("Patient/p1", "http://ehr.example.org/fhir/Patient/p1", "Patient/p1/_history/3",
                "urn:uuid:p1")) {
            ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(bundle(
                    observation("k", subject, "2026-11-30", "2823-3", "2.3", "mmol/L")), AS_OF, null, "test"));
            assertThat(mapped.patientCase().labs()).as(subject).anyMatch(l -> l.test() == LabTest.POTASSIUM);
        }
    }

    @Test
    void anotherPatientsResource_inAPrefetch_isOtherPatient() {
        var parser = BundleReader.FHIR.newJsonParser();
        List<FhirCaseMapper.LocatedResource> resources = List.of(
                new FhirCaseMapper.LocatedResource((Resource) parser.parseResource(PATIENT), "prefetch.patient"),
                new FhirCaseMapper.LocatedResource((Resource) parser.parseResource(
                        observation("k", "Patient/someone-else", "2026-11-30", "2823-3", "2.3", "mmol/L")),
                        "prefetch.observations.entry[0].resource"));

        ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(resources, List.of(), AS_OF, null, "prefetch"));

        assertThat(mapped.patientCase().labs()).noneMatch(l -> l.test() == LabTest.POTASSIUM);
        assertThat(unmapped(mapped)).containsExactly("Observation/k other-patient");
    }

    @Test
    void aDuplicateKey_isRejectedWithItsPath() {
        String low = observation("k", "Patient/p1", "2026-11-30", "2823-3", "2.3", "mmol/L");
        String twice = low.replace("\"value\": 2.3,", "\"value\": 2.3, \"value\": 4.2,");

        ReadResult read = MAPPER.read(bundle(twice), AS_OF, null, "test");

        assertThat(read).as("last-one-wins once replaced potassium 2.3 with 4.2").isInstanceOf(ReadResult.Rejected.class);
        assertThat(read.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("Bundle.entry[1].resource.valueQuantity.value");
            assertThat(error.code()).isEqualTo("LCC-F006");
        });
    }

    @Test
    void resourcesTheMappingDoesNotRead_areReportedWithoutAParse() {
        // Both are malformed for HAPI (a date that is no date): only a full parse would notice.
        String claim = """
                {"resourceType": "Claim", "id": "c1", "patient": {"reference": "Patient/p1"}, "created": "yesterday"}""";
        String bodyWeight = observation("w", "Patient/p1", "not-a-date", "29463-7", "80", "kg");

        ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(bundle(claim, bodyWeight), AS_OF, null, "test"));

        assertThat(unmapped(mapped)).containsExactly("Claim/c1 unsupported-type", "Observation/w no-mapping");
        assertThat(only(mapped, "Observation/w").detail()).isEqualTo("no table entry for http://loinc.org|29463-7");
    }

    @Test
    void aResourceOfAnUnknownType_isStillRejectedAsNotFhirR4() {
        ReadResult read = MAPPER.read(bundle("{\"resourceType\": \"NoSuchResource\", \"id\": \"x\"}"), AS_OF, null, "test");

        assertThat(read.errors()).singleElement().satisfies(error -> assertThat(error.code()).isEqualTo("LCC-F001"));
    }

    @Test
    void aQuestionnaireAnswerTheCaseCannotHold_isImplausible_andLeftNotRecorded() {
        String response = """
                {"resourceType": "QuestionnaireResponse", "id": "q1", "status": "completed",
                 "questionnaire": "http://example.org/fhir/Questionnaire/leg-cramp-assessment",
                 "subject": {"reference": "Patient/p1"}, "authored": "2026-11-30",
                 "item": [{"linkId": "cramps.nightsPerWeek", "answer": [{"valueInteger": 9}]},
                          {"linkId": "history.fluidIntakeLitresPerDay", "answer": [{"valueDecimal": 1.5}]}]}""";

        ReadResult.Accepted mapped = Mapped.accepted(MAPPER.read(bundle(response), AS_OF, null, "test"));

        assertThat(mapped.patientCase().notRecorded()).contains("cramps.nightsPerWeek")
                .doesNotContain("history.fluidIntakeLitresPerDay");
        assertThat(only(mapped, "QuestionnaireResponse/q1").reason()).isEqualTo(Unmapped.Reason.IMPLAUSIBLE_VALUE);
        assertThat(only(mapped, "QuestionnaireResponse/q1").detail()).contains("cramps.nightsPerWeek").contains("9")
                .contains("between 0 and 7");
    }
}
