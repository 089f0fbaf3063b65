package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.legcrampcds.fhir.FhirCaseMapper;

/** Discovery (interfaces.md §7) and CORS for browser-based CDS clients. */
class DiscoveryTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void discovery_listsTheThreeServices_withEveryPrefetchKey() {
        TestService.Response response = service.get("/cds-services");
        assertThat(response.status()).isEqualTo(200);
        JsonNode services = response.json().get("services");
        List<String> hooks = new ArrayList<>();
        for (JsonNode s : services) {
            hooks.add(s.path("hook").asText());
            assertThat(s.path("id").asText()).isNotBlank();
            assertThat(s.path("title").asText()).isNotBlank();
            assertThat(s.path("description").asText()).isNotBlank();
            JsonNode prefetch = s.get("prefetch");
            assertThat(prefetch.path("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
            for (String key : List.of("conditions", "medicationStatements", "medicationRequests", "questionnaireResponses",
                    "procedures", "observations")) {
                assertThat(prefetch.path(key).asText()).as(key).contains("?patient={{context.patientId}}");
            }
        }
        assertThat(hooks).containsExactly("patient-view", "order-sign", "order-select");
    }

    @Test
    void theObservationPrefetch_asksForEveryCodeTheMappingReads() {
        String observations = service.get("/cds-services").json().get("services").get(0).path("prefetch").path("observations").asText();
        List<String> codes = FhirCaseMapper.create().observationCodes();
        assertThat(observations).isEqualTo("Observation?patient={{context.patientId}}&code=" + String.join(",", codes));
        // interfaces.md §7: the lab table, pregnancy status, gestational age, total calcium, albumin, ionised calcium.
        assertThat(codes).contains("http://loinc.org|2823-3", "http://loinc.org|82810-3", "http://loinc.org|11884-4",
                "http://loinc.org|17861-6", "http://loinc.org|1751-7", "http://loinc.org|1994-3");
    }

    @Test
    void aBrowserOrigin_getsCorsHeaders_andAPreflightAllowsTheAuthorizationHeader() {
        TestService.Response get = TestService.send(HttpRequest.newBuilder(URI.create(service.base() + "/cds-services"))
                .header("Origin", "https://sandbox.example").GET().build());
        assertThat(get.header("Access-Control-Allow-Origin")).isIn("*", "https://sandbox.example");

        TestService.Response preflight = TestService.send(HttpRequest.newBuilder(
                        URI.create(service.base() + "/cds-services/" + TestService.PATIENT_VIEW))
                .header("Origin", "https://sandbox.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isIn("*", "https://sandbox.example");
    }
}
