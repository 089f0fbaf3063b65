package org.legcrampcds.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference evaluator against what the specification fixes: the conformance sample (the
 * project's copy in {@code conformance/}), the result interfaces.md §1 states for its example case,
 * and the worked example of catalogue §11.4. A reference that disagreed with these could not vouch
 * for the engine.
 */
class ReferenceConformanceTest {


    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(classpathFolder("conformance"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            JsonNode doc = ReferenceEvaluator.parse(Files.readString(p));
            ReferenceResult r = ReferenceEvaluator.evaluate(doc);
            JsonNode e = doc.get("expect");
            assertThat(new TreeSet<>(r.findings())).as("present")
                    .isEqualTo(new TreeSet<>(strings(e.get("present"))));
            assertThat(r.suppressed().keySet()).as("suppressed")
                    .isEqualTo(new TreeSet<>(strings(e.get("suppressed"))));
            assertThat(r.highestUrgency()).as("highestUrgency")
                    .isEqualTo(e.get("highestUrgency").textValue());
            if (e.has("dataRequired")) {
                List<DataRequired> expected = new ArrayList<>();
                for (JsonNode d : e.get("dataRequired")) {
                    expected.add(new DataRequired(d.get("input").textValue(), strings(d.get("for"))));
                }
                assertThat(r.dataRequired()).as("dataRequired").containsExactlyElementsOf(expected);
            }
            if (e.has("staleLabs")) {
                List<StaleLab> expected = new ArrayList<>();
                for (JsonNode d : e.get("staleLabs")) {
                    expected.add(new StaleLab(d.get("test").textValue(),
                            d.get("daysSinceTaken").intValue(), d.get("maxDays").intValue()));
                }
                assertThat(r.staleLabs()).as("staleLabs").containsExactlyElementsOf(expected);
            }
            if (e.has("recordComplete")) {
                assertThat(r.recordComplete()).as("recordComplete")
                        .isEqualTo(e.get("recordComplete").booleanValue());
            }
            // invariants of the result shape
            assertOrdered(r);
        }));
    }

    /** interfaces.md §1 states the expected result of example-case.json. */
    @Test
    void exampleCase() throws IOException {
        ReferenceResult r = ReferenceEvaluator.evaluate(org.legcrampcds.json.TestCases.EXAMPLE);
        assertThat(new TreeSet<>(r.findings())).containsExactly(
                "CAUSE_AGE", "CAUSE_HYPOKALAEMIA", "CAUSE_MEDICAL_CONDITION", "CAUSE_SLEEP_POSITION",
                "INV_ELECTROLYTES", "INV_GLUCOSE", "INV_TSH", "MED_REVIEW_CRAMP_INDUCING_DRUG",
                "MED_REVIEW_NEW_DRUG", "RF_PERSISTENT_CRAMPS", "SAFETY_FLUID_RESTRICTION",
                "SAFETY_POTASSIUM_CAUTION", "SC_ACUTE_CRAMP_RELIEF", "SC_HEAT", "SC_LOOSE_CLOTHING",
                "SC_MASSAGE", "SC_SLEEP_POSITION", "SC_STRETCHING");
        assertThat(r.suppressed()).isEqualTo(Map.of(
                "SC_HYDRATION", List.of("SAFETY_FLUID_RESTRICTION"),
                "SC_MINERAL_RICH_DIET", List.of("SAFETY_POTASSIUM_CAUTION")));
        assertThat(r.highestUrgency()).isEqualTo("SOON");
        assertThat(r.dataRequired()).isEmpty();
        assertThat(r.staleLabs()).isEmpty();
        assertThat(r.recordComplete()).isTrue();
        assertOrdered(r);
        // the findings list is ordered by urgency, then code
        assertThat(r.findings()).startsWith("CAUSE_HYPOKALAEMIA", "CAUSE_MEDICAL_CONDITION");
    }

    /** The worked example of catalogue §11.4. */
    @Test
    void workedExampleOfSection11() {
        String json = """
            {"id": "S11-4", "patient": {"ageYears": 58, "sex": "FEMALE", "pregnancyWeeks": null, "postpartumWeeks": null},
             "symptoms": [], "conditions": [],
             "medications": [{"name": "furosemide", "drugClass": "LOOP_DIURETIC", "startedDaysAgo": null}],
             "labs": [{"test": "POTASSIUM", "value": 2.3, "unit": "mmol/L", "daysSinceTaken": 2}],
             "notRecorded": ["cramps.*", "history.*", "symptoms.*"]}
            """;
        ReferenceResult r = ReferenceEvaluator.evaluate(json);
        assertThat(r.findings()).containsExactly("RF_SEVERE_ELECTROLYTE_DISTURBANCE", "CAUSE_HYPOKALAEMIA",
                "INV_ELECTROLYTES", "MED_REVIEW_CRAMP_INDUCING_DRUG", "SAFETY_EMERGENCY_FIRST");
        assertThat(r.highestUrgency()).isEqualTo("EMERGENCY");
        assertThat(r.suppressed()).isEmpty();
        assertThat(r.dataRequired()).extracting(DataRequired::input).containsExactly(
                "symptoms.COLD_PALE_LEG", "symptoms.SADDLE_NUMBNESS", "symptoms.CALF_SWELLING_UNILATERAL",
                "symptoms.CHEST_PAIN", "symptoms.SHORTNESS_OF_BREATH", "symptoms.BURNING_FEET",
                "symptoms.MUSCLE_WASTING", "symptoms.MUSCLE_WEAKNESS", "symptoms.NUMBNESS",
                "symptoms.PAIN_ON_WALKING_RELIEVED_BY_REST", "symptoms.RADIATING_LEG_PAIN",
                "symptoms.TINGLING", "cramps.durationMinutes");
        assertThat(r.dataRequired().get(3).forCodes()).containsExactly("RF_CARDIORESPIRATORY_SYMPTOMS");
        assertThat(r.dataRequired().get(12).forCodes()).containsExactly("RF_PERSISTENT_CRAMPS");
        assertThat(r.recordComplete()).isFalse();
    }

    static Path classpathFolder(String name) {
        try {
            return Path.of(ReferenceConformanceTest.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertOrdered(ReferenceResult r) {
        List<String> f = r.findings();
        for (int i = 1; i < f.size(); i++) {
            int a = Catalogue.urgencyRank(f.get(i - 1));
            int b = Catalogue.urgencyRank(f.get(i));
            assertThat(a < b || (a == b && f.get(i - 1).compareTo(f.get(i)) < 0))
                    .as("order %s before %s", f.get(i - 1), f.get(i)).isTrue();
        }
        String highest = f.isEmpty() ? "INFO" : Catalogue.urgencyOf(f.get(0));
        assertThat(r.highestUrgency()).isEqualTo(highest);
        for (String sc : r.suppressed().keySet()) {
            assertThat(sc).startsWith("SC_");
            assertThat(f).doesNotContain(sc);
        }
        for (List<String> by : r.suppressed().values()) {
            assertThat(by).isSorted().isNotEmpty();
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode n : array) {
                out.add(n.textValue());
            }
        }
        return out;
    }
}
