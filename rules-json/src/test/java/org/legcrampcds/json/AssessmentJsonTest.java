package org.legcrampcds.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.StaleLab;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Urgency;
import org.legcrampcds.model.InputDiagnostic;
import org.legcrampcds.model.ValidationError;

class AssessmentJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Finding DVT = new Finding("RF_DVT_SUSPECTED", Category.RED_FLAG, Urgency.URGENT,
            "Possible deep-vein thrombosis", "A blood clot in the leg (DVT) must be ruled out today.",
            List.of(new Evidence("symptoms", "CALF_SWELLING_UNILATERAL", "present"),
                    new Evidence("history.longTravelHoursLast14Days", new BigDecimal("11"), "h", ">= 4"),
                    new Evidence("history.immobilisedLast28Days", Boolean.TRUE, "true")),
            List.of("NICE NG158", "004_28b1a48e951987a6.txt"), "RF-DVT-01", List.of(), List.of());

    private static final Finding NO_MASSAGE = new Finding("SAFETY_NO_MASSAGE_SUSPECTED_DVT", Category.SAFETY,
            Urgency.URGENT, "Do not massage the leg", "Do not massage the leg until a clot is ruled out.",
            List.of(new Evidence("findings", "RF_DVT_SUSPECTED", "fired")), List.of("NICE NG158"), "SAFETY-DVT-01",
            List.of("SC_MASSAGE"), List.of());

    private static final Finding STRETCH = new Finding("SC_STRETCHING", Category.SELF_CARE, Urgency.INFO,
            "Stretch before bed", "Stretch the calves gently.", List.of(), List.of("CKS"), "SC-STRETCH-01",
            List.of(), List.of("SAFETY_NO_MASSAGE_SUSPECTED_DVT"));

    private static final Assessment ASSESSMENT = new Assessment("HB-01", "1.0.0+3f9a1c2e", Urgency.URGENT,
            List.of(DVT, NO_MASSAGE, STRETCH),
            List.of(new Suppression("SC_MASSAGE", List.of("SAFETY_NO_MASSAGE_SUSPECTED_DVT"))),
            List.of("RF-DVT-01", "SAFETY-DVT-01", "SC-STRETCH-01"), false,
            List.of(new DataRequired("symptoms.CHEST_PAIN", List.of("RF_PE_SUSPECTED"))),
            List.of(new StaleLab(LabTest.POTASSIUM, 45, 30)));

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void assessment_isOneLineOfJson() {
        String json = AssessmentJson.toJson(ASSESSMENT);

        assertThat(json).doesNotContain("\n").doesNotContain("\r").startsWith("{").endsWith("}");
    }

    @Test
    void assessment_hasTheContractsKeysInOrder() throws Exception {
        JsonNode result = JSON.readTree(AssessmentJson.toJson(ASSESSMENT));

        assertThat(keys(result)).containsExactly(
                "caseId", "rulesetVersion", "highestUrgency", "findings", "suppressed", "firedRules", "recordComplete",
                "dataRequired", "staleLabs");
        assertThat(result.get("caseId").asText()).isEqualTo("HB-01");
        assertThat(result.get("rulesetVersion").asText()).isEqualTo("1.0.0+3f9a1c2e");
        assertThat(result.get("highestUrgency").asText()).isEqualTo("URGENT");
        assertThat(result.get("findings")).extracting(f -> f.get("code").asText())
                .containsExactly("RF_DVT_SUSPECTED", "SAFETY_NO_MASSAGE_SUSPECTED_DVT", "SC_STRETCHING");
        assertThat(keys(result.get("suppressed").get(0))).containsExactly("code", "suppressedBy");
        assertThat(result.get("suppressed").get(0).get("suppressedBy").get(0).asText())
                .isEqualTo("SAFETY_NO_MASSAGE_SUSPECTED_DVT");
        assertThat(result.get("firedRules")).extracting(JsonNode::asText)
                .containsExactly("RF-DVT-01", "SAFETY-DVT-01", "SC-STRETCH-01");
    }

    @Test
    void finding_hasTheContractsKeysInOrder_andLeavesOutEmptySuppressesAndModifiedBy() throws Exception {
        JsonNode findings = JSON.readTree(AssessmentJson.toJson(ASSESSMENT)).get("findings");

        assertThat(keys(findings.get(0)))
                .containsExactly("code", "category", "urgency", "title", "action", "evidence", "sources", "ruleId");
        assertThat(keys(findings.get(1))).containsExactly(
                "code", "category", "urgency", "title", "action", "evidence", "sources", "ruleId", "suppresses");
        assertThat(keys(findings.get(2))).containsExactly(
                "code", "category", "urgency", "title", "action", "evidence", "sources", "ruleId", "modifiedBy");
        assertThat(findings.get(0).get("category").asText()).isEqualTo("RED_FLAG");
        assertThat(findings.get(0).get("sources")).extracting(JsonNode::asText)
                .containsExactly("NICE NG158", "004_28b1a48e951987a6.txt");
        assertThat(findings.get(1).get("suppresses").get(0).asText()).isEqualTo("SC_MASSAGE");
        assertThat(findings.get(2).get("evidence")).isEmpty();
    }

    @Test
    void evidence_keepsValueTypes_andLeavesOutAMissingUnit() throws Exception {
        JsonNode evidence = JSON.readTree(AssessmentJson.toJson(ASSESSMENT)).get("findings").get(0).get("evidence");

        assertThat(keys(evidence.get(0))).containsExactly("fact", "value", "criterion");
        assertThat(evidence.get(0).get("value").isTextual()).isTrue();
        assertThat(keys(evidence.get(1))).containsExactly("fact", "value", "unit", "criterion");
        assertThat(evidence.get(1).get("value").isNumber()).isTrue();
        assertThat(evidence.get(1).get("unit").asText()).isEqualTo("h");
        assertThat(evidence.get(2).get("value").isBoolean()).isTrue();
    }

    @Test
    void decimals_areWrittenAsPlainExactNumbers() {
        Finding labs = new Finding("CAUSE_HYPOMAGNESAEMIA", Category.CAUSE, Urgency.SOON, "Low magnesium", "Check it.",
                List.of(new Evidence("labs.MAGNESIUM", new BigDecimal("0.450"), "mmol/L", "< 0.70"),
                        new Evidence("labs.CK", new BigDecimal("1E+3"), "U/L", ">= 1000"),
                        new Evidence("cramps.weeksSinceOnset", new BigDecimal("0.1000000000000000055511151231257827"), "<= 1")),
                List.of("CKS"), "CAUSE-MG-01", List.of(), List.of());
        Assessment assessment = new Assessment("c", "v", Urgency.SOON, List.of(labs), List.of(), List.of("CAUSE-MG-01"), true,
                List.of(), List.of());

        String json = AssessmentJson.toJson(assessment);

        assertThat(json).contains("\"value\":0.450,", "\"value\":1000,", "\"value\":0.1000000000000000055511151231257827,")
                .doesNotContain("E+").doesNotContain("e+");
    }

    @Test
    void emptyAssessment_hasEmptyArrays() throws Exception {
        Assessment none = new Assessment("quiet", "v", Urgency.INFO, List.of(), List.of(), List.of(), true, List.of(),
                List.of());

        JsonNode result = JSON.readTree(AssessmentJson.toJson(none));

        assertThat(result.get("highestUrgency").asText()).isEqualTo("INFO");
        assertThat(result.get("findings").isArray()).isTrue();
        assertThat(result.get("findings")).isEmpty();
        assertThat(result.get("suppressed")).isEmpty();
        assertThat(result.get("firedRules")).isEmpty();
        assertThat(result.get("recordComplete").asBoolean()).isTrue();
        assertThat(result.get("dataRequired")).isEmpty();
        assertThat(result.get("staleLabs")).isEmpty();
    }

    @Test
    void partialRecord_carriesItsQuestionsAndTheLabsSetAside() throws Exception {
        JsonNode result = JSON.readTree(AssessmentJson.toJson(ASSESSMENT));

        assertThat(result.get("recordComplete").asBoolean()).isFalse();
        assertThat(result.get("dataRequired").toString())
                .isEqualTo("[{\"input\":\"symptoms.CHEST_PAIN\",\"for\":[\"RF_PE_SUSPECTED\"]}]");
        assertThat(result.get("staleLabs").toString())
                .isEqualTo("[{\"test\":\"POTASSIUM\",\"daysSinceTaken\":45,\"maxDays\":30}]");
    }

    @Test
    void errorLine_namesTheCaseAndItsError() throws Exception {
        String line = AssessmentJson.errorJson("BAD-02", List.of(
                new ValidationError("labs[0].unit", InputDiagnostic.UNSUPPORTED_UNIT, "unsupported unit 'mg/dL' for POTASSIUM")));

        JsonNode error = JSON.readTree(line);

        assertThat(line).doesNotContain("\n");
        assertThat(keys(error)).containsExactly("caseId", "error", "errors");
        assertThat(keys(error.get("error"))).containsExactly("field", "code", "reason");
        assertThat(error.get("caseId").asText()).isEqualTo("BAD-02");
        assertThat(error.get("error").get("field").asText()).isEqualTo("labs[0].unit");
        assertThat(error.get("error").get("code").asText()).isEqualTo("LCC-V007");
        assertThat(error.get("errors")).hasSize(1);
    }

    @Test
    void errorLine_withSeveralErrors_carriesThemAll_theFirstAsError() throws Exception {
        JsonNode error = JSON.readTree(AssessmentJson.errorJson("BAD-03", List.of(
                new ValidationError("patient.ageYears", InputDiagnostic.OUT_OF_RANGE, "out of range"),
                new ValidationError("labs[1].test", InputDiagnostic.DUPLICATE_LAB_TEST, "duplicate lab test"))));

        assertThat(error.get("error").get("code").asText()).isEqualTo("LCC-V005");
        assertThat(error.get("errors")).extracting(e -> e.get("code").asText()).containsExactly("LCC-V005", "LCC-V009");
    }

    @Test
    void errorLine_escapesWhatJsonMustEscape() throws Exception {
        String line = AssessmentJson.errorJson("a \"quoted\" id",
                List.of(new ValidationError("$", InputDiagnostic.MALFORMED_JSON, "malformed JSON: \\ \t end")));

        JsonNode error = JSON.readTree(line);

        assertThat(line).doesNotContain("\t");
        assertThat(error.get("caseId").asText()).isEqualTo("a \"quoted\" id");
        assertThat(error.get("error").get("reason").asText()).isEqualTo("malformed JSON: \\ \t end");
    }

    @Test
    void errorLine_forACaseWithoutId_hasANullCaseId() throws Exception {
        JsonNode error = JSON.readTree(AssessmentJson.errorJson(null,
                List.of(new ValidationError("$", InputDiagnostic.MALFORMED_JSON, "x"))));

        assertThat(error.get("caseId").isNull()).isTrue();
    }
}
