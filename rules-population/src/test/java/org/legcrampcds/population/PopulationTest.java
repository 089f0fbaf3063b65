package org.legcrampcds.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.PatientCase;

/**
 * Issue 17: the generated population is what the issue asks for (40-60 adults with diabetes, CKD,
 * heart failure, diuretics, statins, ACE inhibitors and implausible legacy values), no patient of it
 * is refused, and every latest lab result that the case could not hold is reported as
 * {@code implausible-value} instead of costing the patient the assessment.
 */
class PopulationTest {

    private static final Set<String> FINAL = Set.of("final", "amended", "corrected");

    @Test
    void thePopulation_isFortyToSixtyAdults_withTheConditionsAndMedicinesOfTheIssue() throws IOException {
        List<Population.Patient> patients = Population.patients();
        assertThat(patients).hasSizeBetween(40, 60);
        FhirCaseMapper mapper = FhirCaseMapper.create();
        Map<Condition, Integer> conditions = new HashMap<>();
        Map<DrugClass, Integer> classes = new HashMap<>();
        for (Population.Patient patient : patients) {
            PatientCase mapped = mapper.read(java.nio.file.Files.readString(patient.bundle()), Population.AS_OF, patient.caseId(),
                    patient.bundle().getFileName().toString()).patientCaseOrThrow();
            assertThat(mapped.patient().ageYears()).as(patient.caseId()).isGreaterThanOrEqualTo(18);
            mapped.conditions().forEach(c -> conditions.merge(c, 1, Integer::sum));
            mapped.medications().stream().map(Medication::drugClass).distinct()
                    .forEach(c -> classes.merge(c, 1, Integer::sum));
        }
        assertThat(conditions).containsKeys(Condition.DIABETES, Condition.CHRONIC_KIDNEY_DISEASE, Condition.HEART_FAILURE);
        assertThat(classes).containsKeys(DrugClass.STATIN, DrugClass.ACE_INHIBITOR);
        assertThat(EnumSet.of(DrugClass.LOOP_DIURETIC, DrugClass.THIAZIDE_DIURETIC, DrugClass.POTASSIUM_SPARING_DIURETIC))
                .as("some diuretic").anyMatch(classes::containsKey);
    }

    @Test
    void noPatient_isRefused_onTheCommandLine() {
        Map<String, JsonNode> cli = Population.cli();
        assertThat(cli).hasSameSizeAs(Population.patients());
        cli.forEach((caseId, result) -> assertThat(result.has("error") || result.has("errors"))
                .as(caseId + ": " + result.path("errors")).isFalse());
    }

    /**
     * Independent of the mapping: per lab test of the code tables, the patient's latest final result
     * in a unit the test accepts, converted as the catalogue says; when the case format would refuse
     * that value, the command line's result must name that Observation as {@code implausible-value}.
     */
    @Test
    void everyLatestLabThatTheCaseCannotHold_isReportedAsImplausibleValue() {
        Map<String, LabTest> testByLoinc = labTable();
        Map<String, Map<String, String>> unitByTest = unitTable();
        int patientsWithOne = 0;
        for (Population.Patient patient : Population.patients()) {
            Map<LabTest, JsonNode> latest = new HashMap<>();
            for (ObjectNode resource : Population.asOnTheServer(patient.bundle())) {
                if (!resource.path("resourceType").asText().equals("Observation") || !FINAL.contains(resource.path("status").asText())) {
                    continue;
                }
                LabTest test = null;
                for (JsonNode coding : resource.path("code").path("coding")) {
                    if (coding.path("system").asText().equals("http://loinc.org")) {
                        test = test != null ? test : testByLoinc.get(coding.path("code").asText());
                    }
                }
                if (test != null && (latest.get(test) == null || taken(resource).isAfter(taken(latest.get(test))))) {
                    latest.put(test, resource);
                }
            }
            Set<String> implausible = new TreeSet<>();
            latest.forEach((test, observation) -> {
                JsonNode quantity = observation.path("valueQuantity");
                String unit = unitByTest.getOrDefault(test.name(), Map.of()).get(quantity.path("code").asText());
                if (quantity.isObject() && !quantity.has("comparator") && unit != null && quantity.path("value").isNumber()
                        && !test.isPlausible(test.toCanonical(quantity.path("value").decimalValue(), unit))) {
                    implausible.add("Observation/" + observation.path("id").asText());
                }
            });
            if (implausible.isEmpty()) {
                continue;
            }
            patientsWithOne++;
            JsonNode result = Population.cli().get(patient.caseId());
            Set<String> reported = new TreeSet<>();
            result.path("unmapped").forEach(u -> {
                if (u.path("reason").asText().equals("implausible-value")) {
                    reported.add(u.path("resource").asText());
                }
            });
            assertThat(reported).as(patient.caseId()).containsAll(implausible);
        }
        assertThat(patientsWithOne).as("patients whose latest result of some test is implausible (legacy values)").isPositive();
    }

    private static OffsetDateTime taken(JsonNode observation) {
        String when = observation.path("effectiveDateTime").asText(observation.path("effectivePeriod").path("start").asText(null));
        return OffsetDateTime.parse(Objects.requireNonNull(when, "an Observation of Synthea without a date"));
    }

    /** LOINC code -> lab test, for the tests of the case format (not the inputs of computed ones such as albumin). */
    private static Map<String, LabTest> labTable() {
        Map<String, LabTest> byCode = new HashMap<>();
        for (CSVRecord row : table("labs.csv")) {
            LabTest test = labTest(row.get("target"));
            if (test != null) {
                byCode.put(row.get("code"), test);
            }
        }
        return byCode;
    }

    /** Lab test name -> UCUM code -> the catalogue's unit. */
    private static Map<String, Map<String, String>> unitTable() {
        Map<String, Map<String, String>> units = new HashMap<>();
        for (CSVRecord row : table("units.csv")) {
            units.computeIfAbsent(row.get("target"), t -> new HashMap<>()).put(row.get("ucum"), row.get("unit"));
        }
        return units;
    }

    private static @Nullable LabTest labTest(String name) {
        for (LabTest test : LabTest.values()) {
            if (test.name().equals(name)) {
                return test;
            }
        }
        return null;
    }

    private static List<CSVRecord> table(String name) {
        String path = "/org/legcrampcds/fhir/codes/" + name;
        try (InputStream in = Objects.requireNonNull(PopulationTest.class.getResourceAsStream(path), path);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    text.append(line).append('\n');
                }
            }
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(text.toString())).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
