package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.legcrampcds.engine.CrampAssessor;

/** Health, readiness and Prometheus metrics (interfaces.md §7, 2.3; issue 18). */
class OperationsTest {

    @Test
    void live_is200_andReady_names_theRulesetVersion() {
        try (TestService service = TestService.start()) {
            assertThat(service.get("/health/live").status()).isEqualTo(200);
            TestService.Response ready = service.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().path("rulesetVersion").asText()).isEqualTo(TestService.rules().rulesetVersion());
        }
    }

    @Test
    void beforeTheRulesAreLoaded_readyIs503_andAHookCallToo_thenBoth200() {
        AtomicReference<CrampAssessor> loaded = new AtomicReference<>();
        try (TestService service = TestService.start(b -> b.assessor(loaded::get))) {
            assertThat(service.get("/health/live").status()).isEqualTo(200);
            JsonNode notReady = Outcomes.assertOutcome(service.get("/health/ready"), 503);
            assertThat(Outcomes.codes(notReady)).containsExactly("LCC-H026");
            String body = Json.write(TestService.call("patient-view", "p1", TestPatient.fromBundle("interfaces-example").prefetch()));
            JsonNode call = Outcomes.assertOutcome(service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json", body, null), 503);
            assertThat(Outcomes.codes(call)).containsExactly("LCC-H026");

            loaded.set(TestService.rules());
            assertThat(service.get("/health/ready").status()).isEqualTo(200);
            assertThat(service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json", body, null).status()).isEqualTo(200);
        }
    }

    @Test
    void metrics_countCallsByServiceAndStatus_withALatencyHistogram_fhirFailures_andTheVersionServed() {
        try (TestService service = TestService.start()) {
            String version = TestService.rules().rulesetVersion();
            assertThat(service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1",
                    TestPatient.fromBundle("interfaces-example").prefetch())).status()).isEqualTo(200);
            // Nothing prefetched and no fhirServer: 412, a fetch failure of cause no-fhir-server.
            assertThat(service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", null)).status()).isEqualTo(412);
            // A FHIR server that refuses the connection.
            assertThat(service.post(TestService.PATIENT_VIEW, TestService.withServer(TestService.call("patient-view", "p1", null),
                    "http://127.0.0.1:1/fhir", "t")).status()).isEqualTo(412);

            TestService.Response metrics = service.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("lcc_cds_calls_seconds_count{endpoint=\"hook\",service=\"leg-cramps-patient-view\",status=\"200\"} 1")
                    .contains("lcc_cds_calls_seconds_count{endpoint=\"hook\",service=\"leg-cramps-patient-view\",status=\"412\"} 2")
                    .contains("lcc_cds_calls_seconds_bucket{endpoint=\"hook\",service=\"leg-cramps-patient-view\",status=\"200\",le=")
                    .contains("lcc_fhir_fetch_failures_total{cause=\"no-fhir-server\",code=\"LCC-H005\"} 1")
                    .contains("lcc_fhir_fetch_failures_total{cause=\"connection\",code=\"LCC-H006\"} 1")
                    .contains("lcc_rules_serving{rulesetVersion=\"" + version + "\"} 1");
        }
    }
}
