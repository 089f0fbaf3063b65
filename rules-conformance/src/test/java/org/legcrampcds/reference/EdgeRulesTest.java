package org.legcrampcds.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Catalogue clauses that the conformance sample does not pin down on its own. */
class EdgeRulesTest {

    static BigDecimal canon(String test, String value, String unit) {
        return Catalogue.toCanonical(test, new BigDecimal(value), unit);
    }

    @Test
    void section26ConversionExamples() {
        assertThat(canon("MAGNESIUM", "1.1", "mg/dL")).isEqualByComparingTo("0.45");
        assertThat(canon("ADJUSTED_CALCIUM", "8.4", "mg/dL")).isEqualByComparingTo("2.10");
        assertThat(canon("GLUCOSE", "52", "mg/dL")).isEqualByComparingTo("2.9");
        assertThat(canon("HBA1C", "8.1", "%")).isEqualByComparingTo("65");
        assertThat(canon("HBA1C", "6.5", "%")).isEqualByComparingTo("48");
        // §2.8 item 1: 7.59516 / 4.008 = 1.895 exactly -> 1.90
        assertThat(canon("ADJUSTED_CALCIUM", "7.59516", "mg/dL")).isEqualByComparingTo("1.90");
        // 4.39 mEq/L x 0.5 = 2.195 -> 2.20 (a double would give 2.19)
        assertThat(canon("ADJUSTED_CALCIUM", "4.39", "mEq/L")).isEqualByComparingTo("2.20");
        assertThat(canon("MAGNESIUM", "1.9", "mg/dL")).isEqualByComparingTo("0.78");
        assertThat(canon("HAEMOGLOBIN", "12.95", "g/dL")).isEqualByComparingTo("130");
        assertThat(canon("EGFR", "44", "ml/min/1.73 m\u00B2")).isEqualByComparingTo("44");
        assertThat(canon("TSH", "4.5", "\u03BCIU/mL")).isEqualByComparingTo("4.50");
        assertThat(canon("TSH", "4.5", " \u00B5IU / ML ")).isEqualByComparingTo("4.50");
        assertThatThrownBy(() -> canon("POTASSIUM", "3.5", "mg/dL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactDecimalsFromJsonText() {
        // 4.39 mEq/L must not go through double anywhere on the way from the JSON text
        ReferenceResult r = ReferenceEvaluator.evaluate(baseline("\"labs\": [{\"test\": \"ADJUSTED_CALCIUM\", \"value\": 4.39, \"unit\": \"mEq/L\"}]"));
        assertThat(r.findings()).doesNotContain("CAUSE_HYPOCALCAEMIA");
        r = ReferenceEvaluator.evaluate(baseline("\"labs\": [{\"test\": \"ADJUSTED_CALCIUM\", \"value\": 4.3899, \"unit\": \"mEq/L\"}]"));
        assertThat(r.findings()).contains("CAUSE_HYPOCALCAEMIA");
    }

    @Test
    void anaemiaThresholds() {
        assertThat(hbFires("OTHER", "129", "")).isTrue();
        assertThat(hbFires("UNKNOWN", "129", "")).isTrue();
        assertThat(hbFires("OTHER", "130", "")).isFalse();
        assertThat(hbFires("MALE", "129", "")).isTrue();
        assertThat(hbFires("FEMALE", "119", "")).isTrue();
        assertThat(hbFires("FEMALE", "120", "")).isFalse();
        // pregnant (weeks, or the v2.2 flag with weeks null): < 110 whatever the sex
        assertThat(hbFires("MALE", "110", ", \"pregnancyWeeks\": 20")).isFalse();
        assertThat(hbFires("MALE", "109", ", \"pregnant\": true")).isTrue();
        assertThat(hbFires("OTHER", "110", ", \"pregnant\": true")).isFalse();
        assertThat(hbFires("FEMALE", "119", ", \"pregnant\": false")).isTrue();
    }

    @Test
    void hba1cAtDiabetesRangeRemovesHeat() {
        ReferenceResult r = ReferenceEvaluator.evaluate(baseline("\"labs\": [{\"test\": \"HBA1C\", \"value\": 48, \"unit\": \"mmol/mol\"}]"));
        assertThat(r.findings()).contains("SAFETY_HEAT_REDUCED_SENSATION", "CAUSE_MEDICAL_CONDITION").doesNotContain("SC_HEAT");
        assertThat(r.suppressed()).containsEntry("SC_HEAT", java.util.List.of("SAFETY_HEAT_REDUCED_SENSATION"));
        r = ReferenceEvaluator.evaluate(baseline("\"labs\": [{\"test\": \"HBA1C\", \"value\": 47, \"unit\": \"mmol/mol\"}]"));
        assertThat(r.findings()).contains("SC_HEAT").doesNotContain("SAFETY_HEAT_REDUCED_SENSATION");
    }

    @Test
    void staleLabsAndWindows() {
        // daysSinceTaken equal to the window is fresh; window + 1 is stale, and its ULN is not used
        ReferenceResult fresh = ReferenceEvaluator.evaluate(baseline(
                "\"labs\": [{\"test\": \"CK\", \"value\": 1000, \"unit\": \"U/L\", \"daysSinceTaken\": 30}]"));
        assertThat(fresh.findings()).contains("RF_NEUROMUSCULAR_DISEASE");
        assertThat(fresh.staleLabs()).isEmpty();
        ReferenceResult stale = ReferenceEvaluator.evaluate(baseline(
                "\"labs\": [{\"test\": \"CK\", \"value\": 1000, \"unit\": \"U/L\", \"daysSinceTaken\": 31, \"upperLimitOfNormal\": 100},"
                        + " {\"test\": \"TSH\", \"value\": 9, \"unit\": \"mU/L\", \"daysSinceTaken\": 365},"
                        + " {\"test\": \"EGFR\", \"value\": 20, \"unit\": \"mL/min/1.73m2\", \"daysSinceTaken\": 91}]"));
        assertThat(stale.findings()).doesNotContain("RF_NEUROMUSCULAR_DISEASE", "SAFETY_POTASSIUM_CAUTION")
                .contains("CAUSE_MEDICAL_CONDITION");
        assertThat(stale.staleLabs()).containsExactly(new StaleLab("CK", 31, 30), new StaleLab("EGFR", 91, 90));
        assertThat(stale.recordComplete()).isTrue();
    }

    @Test
    void notRecordedReading() {
        // ck5x with exercise not recorded still gives RF_NEUROMUSCULAR_DISEASE (§11.2)
        String json = """
            {"patient": {"ageYears": 40, "sex": "MALE"},
             "cramps": {"nightsPerWeek": 1, "durationMinutes": 2, "sites": ["CALF"], "side": "LEFT", "weeksSinceOnset": 2},
             "history": {"longTravelHoursLast14Days": 0, "immobilisedLast28Days": false, "majorSurgeryLast84Days": false,
                         "sittingOrStandingHoursPerDay": 4, "fluidIntakeLitresPerDay": 1.8, "alcoholUnitsPerWeek": 2,
                         "smoker": false, "sleepsWithToesPointedOrProne": false},
             "labs": [{"test": "CK", "value": 1000, "unit": "U/L"}],
             "notRecorded": ["history.strenuousExerciseLast48Hours"]}
            """;
        ReferenceResult r = ReferenceEvaluator.evaluate(json);
        assertThat(r.findings()).contains("RF_NEUROMUSCULAR_DISEASE").noneMatch(f -> f.startsWith("SC_"));
        assertThat(r.suppressed()).isEmpty();
        // strenuous = true would add RF_RHABDOMYOLYSIS_SUSPECTED? no: needs DARK_URINE; so nothing to ask
        assertThat(r.dataRequired()).isEmpty();
        assertThat(r.recordComplete()).isFalse();
        // a non-safety input not recorded keeps self-care
        String nonSafety = json.replace("history.strenuousExerciseLast48Hours", "history.smoker")
                .replace("\"smoker\": false,", "\"strenuousExerciseLast48Hours\": false,");
        ReferenceResult r2 = ReferenceEvaluator.evaluate(nonSafety);
        assertThat(r2.findings()).contains("SC_STRETCHING");
        assertThat(r2.recordComplete()).isFalse();
    }

    @Test
    void onsetWindowOfNewDrug() {
        // onset 4 weeks = 28 days; started 28..118 days ago fires, 27 and 119 do not
        for (int[] t : new int[][] {{27, 0}, {28, 1}, {118, 1}, {119, 0}}) {
            ReferenceResult r = ReferenceEvaluator.evaluate(baseline(
                    "\"medications\": [{\"name\": \"omeprazole\", \"drugClass\": \"OTHER\", \"startedDaysAgo\": " + t[0] + "}]")
                    .replace("\"weeksSinceOnset\": 2", "\"weeksSinceOnset\": 4"));
            assertThat(r.findings().contains("MED_REVIEW_NEW_DRUG")).as("started %d", t[0]).isEqualTo(t[1] == 1);
        }
    }

    static boolean hbFires(String sex, String hb, String patientExtra) {
        String json = baseline("\"labs\": [{\"test\": \"HAEMOGLOBIN\", \"value\": " + hb + ", \"unit\": \"g/L\"}]")
                .replace("\"sex\": \"MALE\"", "\"sex\": \"" + sex + "\"" + patientExtra);
        return ReferenceEvaluator.evaluate(json).findings().contains("CAUSE_MEDICAL_CONDITION");
    }

    /** The quiet baseline of the project's example cases, plus one extra top-level member. */
    static String baseline(String extra) {
        return """
            {"patient": {"ageYears": 40, "sex": "MALE"},
             "cramps": {"nightsPerWeek": 1, "durationMinutes": 2, "sites": ["CALF"], "side": "LEFT", "weeksSinceOnset": 2},
             "history": {"longTravelHoursLast14Days": 0, "immobilisedLast28Days": false, "majorSurgeryLast84Days": false,
                         "strenuousExerciseLast48Hours": false, "sittingOrStandingHoursPerDay": 4,
                         "fluidIntakeLitresPerDay": 1.8, "alcoholUnitsPerWeek": 2, "smoker": false,
                         "sleepsWithToesPointedOrProne": false},
            """ + extra + "}";
    }
}
