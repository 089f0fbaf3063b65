package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.legcrampcds.cdshooks.json.ActionJson;
import org.legcrampcds.cdshooks.json.CardJson;

/**
 * order-sign and order-select: only what the draft orders introduce, SAFETY at least warning, and
 * a quinine draft answered with a suggestion that deletes it.
 */
class OrderSignTest {

    private static final String QUININE = "9071";
    private static final String WARFARIN = "11289";
    private static final String FUROSEMIDE = "4603";

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

    private static List<CardJson> sign(String hook, TestPatient patient, com.fasterxml.jackson.databind.JsonNode drafts) {
        ObjectNode body = TestService.call(hook, patient.id(), patient.prefetch());
        ((ObjectNode) body.get("context")).set("draftOrders", drafts);
        TestService.Response response = service.post(hook.equals("order-sign") ? TestService.ORDER_SIGN : TestService.ORDER_SELECT, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return CardInvariants.check(response.cards(), version);
    }

    private static CardJson cardWith(List<CardJson> cards, String code) {
        return cards.stream().filter(c -> c.extension().findingCodes().contains(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no card of " + code + " in " + CardInvariants.codes(cards)));
    }

    @Test
    void aQuinineDraft_getsACardWithASuggestionThatDeletesIt() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        List<CardJson> cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        CardJson quinine = cardWith(cards, "MED_REVIEW_QUININE");
        assertThat(quinine.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(quinine.suggestions()).hasSize(1);
        ActionJson action = quinine.suggestions().get(0).actions().get(0);
        assertThat(action.type()).isEqualTo("delete");
        assertThat(action.resourceId()).isEqualTo("MedicationRequest/draft-q");
    }

    @Test
    void onlyFindingsTheDraftsIntroduce_areShown() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        List<CardJson> cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        List<String> all = CardInvariants.codes(cards);
        // The patient already has these (interfaces.md §1): the draft adds nothing to them.
        assertThat(all).doesNotContain("RF_PERSISTENT_CRAMPS", "CAUSE_AGE", "SAFETY_POTASSIUM_CAUTION", "INV_TSH");
        // K 3.2 with quinine: the QT interlock is new.
        assertThat(all).contains("MED_REVIEW_QUININE", "SAFETY_QUININE");
    }

    @Test
    void aDraftThatAddsNothing_getsNoCards() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        // Furosemide again: already a cramp-inducing drug of the patient.
        List<CardJson> cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-f", FUROSEMIDE, "furosemide")));

        assertThat(cards).as("cards of %s", CardInvariants.codes(cards)).isEmpty();
    }

    @Test
    void aSafetyInterlockADraftIntroduces_isAtLeastAWarning() {
        // On quinine already; a new anticoagulant brings SAFETY_QUININE (urgency INFO) alone.
        TestPatient patient = TestPatient.man(TestPatient.medicationStatement("ms-q", QUININE, "quinine"));
        List<CardJson> cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-w", WARFARIN, "warfarin")));

        CardJson safety = cardWith(cards, "SAFETY_QUININE");
        assertThat(safety.extension().findingCodes()).doesNotContain("MED_REVIEW_QUININE");
        assertThat(safety.indicator()).isIn("warning", "critical");
        assertThat(safety.suggestions()).as("the quinine is not a draft: nothing to delete").isNull();
    }

    @Test
    void withTwoDrafts_theSuggestionDeletesOnlyTheQuinineOne() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        List<CardJson> cards = sign("order-sign", patient, TestPatient.draftOrders(
                TestPatient.draftOrder("draft-w", WARFARIN, "warfarin"), TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        List<String> deleted = cards.stream().filter(c -> c.suggestions() != null).flatMap(c -> c.suggestions().stream())
                .flatMap(s -> s.actions().stream()).map(ActionJson::resourceId).toList();
        assertThat(deleted).containsExactly("MedicationRequest/draft-q");
    }

    @Test
    void orderSelect_judgesTheSelectedDraftsOnly() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        ObjectNode body = TestService.call("order-select", "p1", patient.prefetch());
        ObjectNode context = (ObjectNode) body.get("context");
        context.set("draftOrders", TestPatient.draftOrders(
                TestPatient.draftOrder("draft-f", FUROSEMIDE, "furosemide"), TestPatient.draftOrder("draft-q", QUININE, "quinine")));
        context.putArray("selections").add("MedicationRequest/draft-f");
        TestService.Response response = service.post(TestService.ORDER_SELECT, body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(CardInvariants.codes(CardInvariants.check(response.cards(), version))).doesNotContain("MED_REVIEW_QUININE");
    }

    @Test
    void aDraftWithoutId_is400() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        ObjectNode draft = TestPatient.draftOrder("x", QUININE, "quinine");
        draft.remove("id");
        ObjectNode body = TestService.call("order-sign", "p1", patient.prefetch());
        ((ObjectNode) body.get("context")).set("draftOrders", TestPatient.draftOrders(draft));
        com.fasterxml.jackson.databind.JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.ORDER_SIGN, body), 400);

        assertThat(Outcomes.fields(outcome)).containsExactly("context.draftOrders.entry[0].resource.id");
    }
}
