package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 400, 404, 405, 415: each an OperationOutcome naming the field and its code, never a stack trace. */
class RequestErrorsTest {

    private static TestService service;
    private static final TestPatient PATIENT = TestPatient.fromBundle("interfaces-example");

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode rejected(ObjectNode body, int status, String code, String field) {
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW, body), status);
        assertThat(Outcomes.codes(outcome)).containsExactly(code);
        assertThat(Outcomes.fields(outcome)).containsExactly(field);
        return outcome;
    }

    @Test
    void aMissingPatientId_is400() {
        ObjectNode body = TestService.call("patient-view", "p1", PATIENT.prefetch());
        ((ObjectNode) body.get("context")).remove("patientId");
        rejected(body, 400, "LCC-H002", "context.patientId");
    }

    @Test
    void aPatientIdThatIsNoFhirId_is400() {
        rejected(TestService.call("patient-view", "p1/../Observation", PATIENT.prefetch()), 400, "LCC-H002", "context.patientId");
    }

    @Test
    void theWrongHook_is400() {
        rejected(TestService.call("order-sign", "p1", PATIENT.prefetch()), 400, "LCC-H003", "hook");
    }

    @Test
    void aMissingHookInstance_is400() {
        ObjectNode body = TestService.call("patient-view", "p1", PATIENT.prefetch());
        body.remove("hookInstance");
        rejected(body, 400, "LCC-H002", "hookInstance");
    }

    @Test
    void aFhirServerThatIsNoUrl_is400() {
        ObjectNode body = TestService.call("patient-view", "p1", PATIENT.prefetch());
        body.put("fhirServer", "file:///etc/passwd");
        rejected(body, 400, "LCC-H002", "fhirServer");
    }

    @Test
    void aPrefetchValueThatIsNoResource_is400() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.put("conditions", 42);
        rejected(TestService.call("patient-view", "p1", prefetch), 400, "LCC-H002", "prefetch.conditions");
    }

    @Test
    void aPrefetchValueThatIsNoFhir_is400() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.set("conditions", Json.object().put("resourceType", "NoSuchType"));
        rejected(TestService.call("patient-view", "p1", prefetch), 400, "LCC-H002", "prefetch.conditions");
    }

    @Test
    void aPatientTheCaseModelRejects_is400_atItsElement() {
        ObjectNode prefetch = PATIENT.prefetch();
        ((ObjectNode) prefetch.get("patient")).put("birthDate", "2015-01-01");
        JsonNode outcome = rejected(TestService.call("patient-view", "p1", prefetch), 400, "LCC-V005", "prefetch.patient.birthDate");
        assertThat(outcome.toString()).doesNotContain("2015");
    }

    @Test
    void anotherPatientsRecord_is400() {
        rejected(TestService.call("patient-view", "p2", PATIENT.prefetch()), 400, "LCC-H002", "prefetch.patient.id");
    }

    @Test
    void orderSignWithoutDraftOrders_is400() {
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.ORDER_SIGN,
                TestService.call("order-sign", "p1", PATIENT.prefetch())), 400);
        assertThat(Outcomes.fields(outcome)).containsExactly("context.draftOrders");
    }

    @Test
    void anUnknownService_is404() {
        JsonNode outcome = Outcomes.assertOutcome(service.post("no-such-service", TestService.call("patient-view", "p1", null)), 404);
        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H004");
    }

    @Test
    void anUnknownPath_is404_asAnOutcome() {
        Outcomes.assertOutcome(service.get("/no-such-path"), 404);
    }

    @Test
    void aWrongMethod_is405_asAnOutcome() {
        Outcomes.assertOutcome(service.get("/cds-services/" + TestService.PATIENT_VIEW), 405);
    }

    @Test
    void aBodyThatIsNotJson_is415() {
        JsonNode outcome = Outcomes.assertOutcome(service.post("/cds-services/" + TestService.PATIENT_VIEW, "text/plain",
                "hook=patient-view", null), 415);
        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H001");

        outcome = Outcomes.assertOutcome(service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json",
                "{\"hook\": \"patient-view\",", null), 415);
        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H001");
        assertThat(outcome.toString()).contains("line 1");
    }

    @Test
    void aBodyThatIsNoObject_is400() {
        JsonNode outcome = Outcomes.assertOutcome(service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json",
                "[1, 2]", null), 400);
        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H002");
    }
}
