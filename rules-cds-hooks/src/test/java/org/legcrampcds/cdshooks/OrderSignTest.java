package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static JsonNode sign(String hook, TestPatient patient, JsonNode drafts) {
        ObjectNode body = TestService.call(hook, patient.id(), patient.prefetch());
        ((ObjectNode) body.get("context")).set("draftOrders", drafts);
        TestService.Response response = service.post(hook.equals("order-sign") ? TestService.ORDER_SIGN : TestService.ORDER_SELECT, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return CardInvariants.check(response.json(), version);
    }

    private static List<String> details(JsonNode cards) {
        List<String> details = new ArrayList<>();
        cards.forEach(c -> details.add(c.path("detail").asText()));
        return details;
    }

    @Test
    void aQuinineDraft_getsACardWithASuggestionThatDeletesIt() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        JsonNode cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        JsonNode quinine = null;
        for (JsonNode card : cards) {
            if (card.path("detail").asText().contains("MED_REVIEW_QUININE")) {
                quinine = card;
            }
        }
        assertThat(quinine).as("a quinine card").isNotNull();
        assertThat(quinine.path("selectionBehavior").asText()).isEqualTo("at-most-one");
        JsonNode action = quinine.path("suggestions").path(0).path("actions").path(0);
        assertThat(action.path("type").asText()).isEqualTo("delete");
        assertThat(action.path("resourceId").asText()).isEqualTo("MedicationRequest/draft-q");
    }

    @Test
    void onlyFindingsTheDraftsIntroduce_areShown() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        JsonNode cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        String all = String.join("\n", details(cards));
        // The patient already has these (interfaces.md §1): the draft adds nothing to them.
        assertThat(all).doesNotContain("RF_PERSISTENT_CRAMPS", "CAUSE_AGE", "SAFETY_POTASSIUM_CAUTION", "INV_TSH");
        // K 3.2 with quinine: the QT interlock is new.
        assertThat(all).contains("MED_REVIEW_QUININE", "SAFETY_QUININE");
    }

    @Test
    void aDraftThatAddsNothing_getsNoCards() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        // Furosemide again: already a cramp-inducing drug of the patient.
        JsonNode cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-f", FUROSEMIDE, "furosemide")));

        assertThat(details(cards)).noneMatch(d -> d.contains("MED_REVIEW_CRAMP_INDUCING_DRUG"));
    }

    @Test
    void aSafetyInterlockADraftIntroduces_isAtLeastAWarning() {
        // On quinine already; a new anticoagulant brings SAFETY_QUININE (urgency INFO) alone.
        TestPatient patient = TestPatient.man(TestPatient.medicationStatement("ms-q", QUININE, "quinine"));
        JsonNode cards = sign("order-sign", patient, TestPatient.draftOrders(TestPatient.draftOrder("draft-w", WARFARIN, "warfarin")));

        JsonNode safety = null;
        for (JsonNode card : cards) {
            if (card.path("detail").asText().contains("SAFETY_QUININE")) {
                safety = card;
            }
        }
        assertThat(safety).as("a safety card").isNotNull();
        assertThat(safety.path("detail").asText()).doesNotContain("MED_REVIEW_QUININE");
        assertThat(safety.path("indicator").asText()).isIn("warning", "critical");
        assertThat(safety.has("suggestions")).as("the quinine is not a draft: nothing to delete").isFalse();
    }

    @Test
    void withTwoDrafts_theSuggestionDeletesOnlyTheQuinineOne() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        JsonNode cards = sign("order-sign", patient, TestPatient.draftOrders(
                TestPatient.draftOrder("draft-w", WARFARIN, "warfarin"), TestPatient.draftOrder("draft-q", QUININE, "quinine")));

        List<String> deleted = new ArrayList<>();
        cards.forEach(c -> c.path("suggestions").forEach(s -> s.path("actions").forEach(a -> deleted.add(a.path("resourceId").asText()))));
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
        assertThat(response.body()).doesNotContain("MED_REVIEW_QUININE");
    }

    @Test
    void aDraftWithoutId_is400() {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        ObjectNode draft = TestPatient.draftOrder("x", QUININE, "quinine");
        draft.remove("id");
        ObjectNode body = TestService.call("order-sign", "p1", patient.prefetch());
        ((ObjectNode) body.get("context")).set("draftOrders", TestPatient.draftOrders(draft));
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.ORDER_SIGN, body), 400);

        assertThat(Outcomes.fields(outcome)).containsExactly("context.draftOrders.entry[0].resource.id");
    }
}
