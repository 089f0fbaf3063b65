package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.NormalisedLab;

/** Single mapping rules of interfaces.md §6 on small Bundles, each stated in its test name. */
class FhirCaseMapperTest {

    private static final FhirCaseMapper MAPPER = FhirCaseMapper.create();
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static String bundle(String... resources) {
        StringBuilder json = new StringBuilder("""
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1950-03-01"}}""");
        for (String resource : resources) {
            json.append(",\n  {\"resource\": ").append(resource).append('}');
        }
        return json.append("\n]}").toString();
    }

    private static String observation(String id, String loinc, String value, String ucum, String extra) {
        return """
                {"resourceType": "Observation", "id": "%s", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "Patient/p1"},
                 "effectiveDateTime": "2026-11-30", "valueQuantity": {"value": %s, "system": "http://unitsofmeasure.org", "code": "%s"}%s}
                """.formatted(id, loinc, value, ucum, extra);
    }

    private static NormalisedLab lab(ReadResult.Accepted mapping, LabTest test) {
        return mapping.patientCase().labs().stream().filter(l -> l.test() == test).findFirst().orElseThrow();
    }

    @Test
    void unknownElementsAndExtensions_areTolerated() {
        ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(bundle(observation("k", "2823-3", "3.2", "mmol/L",
                ", \"localAddition\": {\"anything\": true}, \"extension\": [{\"url\": \"http://example.org/x\", \"valueString\": \"y\"}]")),
                AS_OF, null, "test"));
        assertThat(lab(mapping, LabTest.POTASSIUM).value()).isEqualByComparingTo("3.20");
    }

    @Test
    void magnesiumByMass_isConvertedByTheCatalogue_andMeqIsHalfAMillimole() {
        ReadResult.Accepted byMass = Mapped.accepted(MAPPER.read(bundle(observation("m", "19123-9", "1.9", "mg/dL", "")), AS_OF, null, "test"));
        ReadResult.Accepted byMeq = Mapped.accepted(MAPPER.read(bundle(observation("m", "2601-3", "1.6", "meq/L", "")), AS_OF, null, "test"));
        assertThat(lab(byMass, LabTest.MAGNESIUM).value()).isEqualByComparingTo("0.78");
        assertThat(lab(byMeq, LabTest.MAGNESIUM).value()).as("UCUM's meq/L = mmol/L would say 1.60").isEqualByComparingTo("0.80");
    }

    @Test
    void anIonisedCalcium_isNeverAdjustedCalcium() {
        ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(bundle(observation("ica", "1995-0", "1.10", "mmol/L", "")), AS_OF, null, "test"));
        assertThat(mapping.patientCase().labs()).noneMatch(l -> l.test() == LabTest.ADJUSTED_CALCIUM);
        assertThat(mapping.mapping().unmapped()).extracting(u -> u.resource() + " " + u.reason().code())
                .containsExactly("Observation/ica not-adjusted-calcium");
    }

    @Test
    void anUnusableLatestResult_leavesTheTestAbsent_neverTheOlderValue() {
        String older = observation("old", "2823-3", "2.4", "mmol/L", "").replace("2026-11-30", "2026-11-20");
        String latest = observation("new", "2823-3", "3.0", "mmol/L", "").replace("\"value\": 3.0", "\"comparator\": \"<\", \"value\": 3.0");
        ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(bundle(older, latest), AS_OF, null, "test"));
        assertThat(mapping.patientCase().labs()).noneMatch(l -> l.test() == LabTest.POTASSIUM);
        assertThat(mapping.mapping().unmapped()).extracting(u -> u.resource() + " " + u.reason().code())
                .containsExactly("Observation/new unusable-value", "Observation/old superseded");
    }

    @Test
    void aLabsAge_isItsDayCountToTheAsOfDate() {
        ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(bundle(observation("k", "2823-3", "3.2", "mmol/L", "")), AS_OF, null, "test"));
        assertThat(lab(mapping, LabTest.POTASSIUM).daysSinceTaken()).isEqualTo(1);
    }

    @Test
    void withNoQuestionnaireResponse_theCrampsHistoryAndSymptomsAreNotRecorded() {
        ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(bundle(), AS_OF, null, "test"));
        assertThat(mapping.patientCase().isRecordComplete()).isFalse();
        assertThat(mapping.patientCase().notRecorded()).contains("cramps.nightsPerWeek", "history.smoker", "symptoms.CHEST_PAIN")
                .doesNotContain("patient.pregnancyWeeks");
        assertThat(mapping.patientCase().id()).contains("Patient/p1");
    }
}
