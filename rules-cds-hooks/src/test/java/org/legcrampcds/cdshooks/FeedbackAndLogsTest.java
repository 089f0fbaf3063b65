package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Feedback is accepted and logged; no log line, at any level, holds a token or what identifies the
 * patient, and the service's own lines hold no clinical value either (the engine's DEBUG lines of
 * rule firings are the engine's documented exception).
 */
class FeedbackAndLogsTest {

    private static final String TOKEN = "secret-ehr-token-0042";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level before;

    @BeforeEach
    void capture() {
        before = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(before);
    }

    /** A copy: Jetty's threads append while the test reads (AppenderBase appends under its lock). */
    private List<ILoggingEvent> events() {
        synchronized (captured) {
            return new java.util.ArrayList<>(captured.list);
        }
    }

    private List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> serviceLines() {
        return events().stream().filter(e -> e.getLoggerName().startsWith("org.legcrampcds.cdshooks"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void feedback_isAccepted_andLoggedAsCountsOnly() {
        try (TestService service = TestService.start()) {
            String feedback = "{\"feedback\": [{\"card\": \"9368d37b-283f-44a0-93ea-547cebab93ac\", \"outcome\": \"overridden\","
                    + " \"overrideReason\": {\"userComment\": \"Mrs Hughes declined\"}, \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"},"
                    + " {\"card\": \"0c9d3a55-3f57-4b6e-a2b8-7c6ec5c0c1de\", \"outcome\": \"accepted\", \"acceptedSuggestions\": []}]}";
            TestService.Response response = service.post("/cds-services/" + TestService.ORDER_SIGN + "/feedback",
                    "application/json", feedback, null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(lines()).contains("feedback on leg-cramps-order-sign: 1 card(s) accepted, 1 overridden");
            assertThat(String.join("\n", lines())).doesNotContain("Hughes");
        }
    }

    @Test
    void malformedFeedback_is400() {
        try (TestService service = TestService.start()) {
            TestService.Response response = service.post("/cds-services/" + TestService.PATIENT_VIEW + "/feedback",
                    "application/json", "{\"feedback\": [{\"card\": \"x\", \"outcome\": \"ignored\"}]}", null);
            assertThat(Outcomes.fields(Outcomes.assertOutcome(response, 400))).containsExactly("feedback[0].outcome");
        }
    }

    @Test
    void aCallThatFetches_logsNoTokenAndNoPatientData_evenAtDebug() throws Exception {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        try (TestService service = TestService.start(); FakeFhirServer fhir = new FakeFhirServer(patient)) {
            TestService.Response ok = service.post(TestService.PATIENT_VIEW,
                    TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN));
            fhir.fail("Observation", 503);
            TestService.Response failed = service.post(TestService.PATIENT_VIEW,
                    TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN));

            assertThat(ok.status()).isEqualTo(200);
            assertThat(failed.status()).isEqualTo(412);
            assertThat(lines()).isNotEmpty();
            String all = String.join("\n", lines());
            assertThat(all).doesNotContain(TOKEN, "Hughes", "MRN-P1", "1959-06-15", "Patient/p1", "patient=p1");
            assertThat(serviceLines()).isNotEmpty();
            assertThat(String.join("\n", serviceLines())).doesNotContain("HEART_FAILURE", "mmol/L", "furosemide", "p1");
        }
    }
}
