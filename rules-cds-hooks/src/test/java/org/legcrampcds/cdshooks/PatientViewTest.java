package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.legcrampcds.cdshooks.json.CardJson;
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
        List<CardJson> cards = CardInvariants.check(response.cards(), version);
        // interfaces.md §1: one red flag (RF_PERSISTENT_CRAMPS, SOON), medicines and safety, causes, tests and self-care.
        assertThat(cards).hasSize(3);
        assertThat(cards.get(0).extension().findingCodes()).containsExactly("RF_PERSISTENT_CRAMPS");
        assertThat(cards.get(0).indicator()).isEqualTo("warning");
        assertThat(cards.get(1).extension().findingCodes()).contains("MED_REVIEW_CRAMP_INDUCING_DRUG", "MED_REVIEW_NEW_DRUG",
                "SAFETY_FLUID_RESTRICTION", "SAFETY_POTASSIUM_CAUTION").doesNotContain("CAUSE_AGE");
        assertThat(cards.get(2).extension().findingCodes()).contains("CAUSE_AGE", "CAUSE_HYPOKALAEMIA", "INV_ELECTROLYTES",
                "SC_STRETCHING").doesNotContain("SC_HYDRATION", "SC_MINERAL_RICH_DIET");
    }

    @Test
    void evidenceIsInCanonicalUnits() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        List<CardJson> cards = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", patient.prefetch()))
                .cards().cards();
        // The bundle's magnesium is 1.9 mg/dL: evidence is in canonical units (interfaces.md §1). The unit is
        // what a clinician reads, so this one looks at the text.
        StringBuilder all = new StringBuilder();
        cards.forEach(c -> all.append(c.detail()));
        assertThat(all.toString()).contains("mmol/L").doesNotContain("mg/dL");
    }

    @Test
    void aPartialRecord_getsAnInfoCardOfQuestionsAndStaleLabs() {
        TestPatient patient = TestPatient.fromBundle("no-questionnaire-stale-potassium");
        TestService.Response response = service.post(TestService.PATIENT_VIEW,
                TestService.call("patient-view", "p1", patient.prefetch()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<CardJson> cards = CardInvariants.check(response.cards(), version);
        CardJson info = cards.get(cards.size() - 1);
        assertThat(info.indicator()).isEqualTo("info");
        assertThat(info.summary()).startsWith("Leg cramps, partial record");
        assertThat(info.extension().findingCodes()).isEmpty();
        // The questions are text for the clinician: the card has no other place for them.
        assertThat(info.detail()).contains("Ask about: chest pain (would raise RF_CARDIORESPIRATORY_SYMPTOMS)")
                .contains("POTASSIUM: taken");
    }

    @Test
    void aCompleteRecord_getsNoInfoCard() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        List<CardJson> cards = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", patient.prefetch()))
                .cards().cards();
        assertThat(cards).isNotEmpty().allSatisfy(c -> {
            assertThat(c.extension().findingCodes()).isNotEmpty();
            assertThat(c.summary()).doesNotContain("partial record");
        });
    }

    /**
     * Issue 18: the detail cited internal file names, addressed the patient without saying so, and
     * {@code source.url} answered 404. Now: evidence, then the advice under its heading, then the
     * sources by citation; a link per cited source that has one; and a source URL that answers.
     */
    @Test
    void cardsSpeakToTheClinician_evidenceThenAdviceThenCitations_andTheirSourceUrlAnswers() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        TestService.Response response = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", patient.prefetch()));
        List<CardJson> cards = CardInvariants.check(response.cards(), version);

        assertThat(response.body()).doesNotContainPattern("\\d{3}_[0-9a-f]{16}\\.txt");
        for (CardJson card : cards) {
            String detail = card.detail();
            int advice = detail.indexOf("**" + Cards.ADVICE_HEADING + "**");
            assertThat(advice).as(card.summary()).isPositive();
            int evidence = detail.indexOf("**Evidence**");
            if (evidence >= 0) {
                assertThat(evidence).as("evidence first").isLessThan(advice);
            }
            assertThat(detail.indexOf("**Sources**")).as("sources after the advice").isGreaterThan(advice);
        }
        // CAUSE_AGE cites CKS, and two seed articles by their titles (catalogue §1.1, the seeds' own first lines).
        CardJson care = cards.stream().filter(c -> c.extension().findingCodes().contains("CAUSE_AGE")).findFirst().orElseThrow();
        assertThat(care.detail()).contains("- [Leg cramps (Clinical Knowledge Summaries)](http://cks.nice.org.uk/leg-cramps). NICE, 2012.")
                .contains("- What Causes Leg Cramps at Night? medpill.info, 2025.")
                .contains("- Here's Why You're Getting Leg Cramps While Sleeping and the Secret to Stopping Them.");
        assertThat(care.links()).extracting(l -> l.url()).contains("http://cks.nice.org.uk/leg-cramps");
        assertThat(care.links()).allSatisfy(l -> assertThat(l.type()).isEqualTo("absolute"));

        String sourceUrl = cards.get(0).source().url();
        assertThat(sourceUrl).isEqualTo(service.base() + "/cds-services/rule-base");
        TestService.Response page = TestService.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sourceUrl)).GET().build());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("rulesetVersion").asText()).isEqualTo(version);
        assertThat(page.json().path("sources").findValuesAsText("title")).contains("Leg cramps (Clinical Knowledge Summaries)");
    }
}
