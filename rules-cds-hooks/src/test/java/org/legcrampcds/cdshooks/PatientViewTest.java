package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** patient-view over a real socket with the whole record prefetched. */
class PatientViewTest {

    private static TestService service;
    private static String version;

    @BeforeAll
    static void start() {
        service = TestService.start();
        version = TestService.rules().rulesetVersion();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theInterfacesExample_givesItsRedFlagAlone_andTheRestInTwoCards() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        TestService.Response response = service.post(TestService.PATIENT_VIEW,
                TestService.call("patient-view", "p1", patient.prefetch()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cards = CardInvariants.check(response.json(), version);
        List<String> summaries = new ArrayList<>();
        cards.forEach(c -> summaries.add(c.path("summary").asText()));
        // interfaces.md §1: one red flag (RF_PERSISTENT_CRAMPS, SOON), medicines and safety, causes, tests and self-care.
        assertThat(cards).hasSize(3);
        assertThat(cards.get(0).path("detail").asText()).contains("RF_PERSISTENT_CRAMPS");
        assertThat(cards.get(0).path("indicator").asText()).isEqualTo("warning");
        assertThat(cards.get(1).path("detail").asText()).contains("MED_REVIEW_CRAMP_INDUCING_DRUG", "MED_REVIEW_NEW_DRUG",
                "SAFETY_FLUID_RESTRICTION", "SAFETY_POTASSIUM_CAUTION").doesNotContain("CAUSE_AGE");
        assertThat(cards.get(2).path("detail").asText()).contains("CAUSE_AGE", "CAUSE_HYPOKALAEMIA", "INV_ELECTROLYTES",
                "SC_STRETCHING").doesNotContain("SC_HYDRATION", "SC_MINERAL_RICH_DIET");
        assertThat(summaries).allMatch(s -> s.length() < 140);
    }

    @Test
    void evidenceIsInCanonicalUnits() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        JsonNode cards = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", patient.prefetch())).json()
                .get("cards");
        // The bundle's magnesium is 1.9 mg/dL: evidence shows 0.78 mmol/L (interfaces.md §1).
        StringBuilder all = new StringBuilder();
        cards.forEach(c -> all.append(c.path("detail").asText()));
        assertThat(all.toString()).contains("mmol/L").doesNotContain("mg/dL");
    }

    @Test
    void aPartialRecord_getsAnInfoCardOfQuestionsAndStaleLabs() {
        TestPatient patient = TestPatient.fromBundle("no-questionnaire-stale-potassium");
        TestService.Response response = service.post(TestService.PATIENT_VIEW,
                TestService.call("patient-view", "p1", patient.prefetch()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode cards = CardInvariants.check(response.json(), version);
        JsonNode info = cards.get(cards.size() - 1);
        assertThat(info.path("indicator").asText()).isEqualTo("info");
        assertThat(info.path("summary").asText()).startsWith("Leg cramps, partial record");
        assertThat(info.path("detail").asText()).contains("Ask about: chest pain (would raise RF_CARDIORESPIRATORY_SYMPTOMS)")
                .contains("POTASSIUM: taken");
    }

    @Test
    void aCompleteRecord_getsNoInfoCard() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        JsonNode cards = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", patient.prefetch())).json()
                .get("cards");
        cards.forEach(c -> assertThat(c.path("summary").asText()).doesNotContain("partial record"));
    }
}
