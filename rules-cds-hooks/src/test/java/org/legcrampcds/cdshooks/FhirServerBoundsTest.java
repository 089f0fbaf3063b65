package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the caller chooses {@code fhirServer}, so every way a FHIR server can make a call work
 * without end is bounded (interfaces.md §7, 2.3). Before, a server that sent its body one byte every
 * half second held a call for 40 s and the call then answered 200, and 100 MB answers drove the
 * service to 6 GB. Each bound here is crossed by a real server on loopback, and each ends in 412 with
 * its own code, promptly, with the service still answering afterwards.
 */
class FhirServerBoundsTest {

    private static final String TOKEN = "ehr-access-token-1";
    /** Short, so that the deadline tests take seconds; the default (10 s) is the same code path. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** For the size bounds: long enough that a busy machine's slowness is never the bound crossed. */
    private static final Duration UNHURRIED = Duration.ofSeconds(60);
    private static final long MB = 1024L * 1024;
    private static final TestPatient PATIENT = TestPatient.fromBundle("interfaces-example");

    private static TestService service;
    private static TestService hurried;
    private static HostileFhirServer hostile;

    @BeforeAll
    static void start() throws Exception {
        service = TestService.start(b -> b.fhirServerLimits(FhirServerLimits.defaults().withDeadline(UNHURRIED)));
        hurried = TestService.start(b -> b.fhirServerLimits(FhirServerLimits.defaults().withDeadline(DEADLINE)));
        hostile = new HostileFhirServer();
    }

    @AfterAll
    static void stop() {
        service.close();
        hurried.close();
        hostile.close();
    }

    @BeforeEach
    void reset() {
        hostile.forget();
        hostile.size(100 * MB);
    }

    /** patient-view with every key but observations prefetched, so that one search goes to the hostile server. */
    private static ObjectNode observationsFrom(String server) {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.remove("observations");
        return TestService.withServer(TestService.call("patient-view", "p1", prefetch), server, TOKEN);
    }

    /** Nothing prefetched: all seven keys go to the hostile server at once. */
    private static ObjectNode everythingFrom(String server) {
        return TestService.withServer(TestService.call("patient-view", "p1", null), server, TOKEN);
    }

    private static JsonNode refused(TestService target, ObjectNode body, String code) {
        JsonNode outcome = Outcomes.assertOutcome(target.post(TestService.PATIENT_VIEW, body), 412);
        assertThat(Outcomes.codes(outcome)).containsExactly(code);
        return outcome;
    }

    private static void stillAnswers() {
        TestService.Response answer = service.post(TestService.PATIENT_VIEW, TestService.call("patient-view", "p1", PATIENT.prefetch()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("cards").size()).isPositive();
    }

    @Test
    void aServerThatDoesNotAnswer_isCutAtTheDeadline() {
        hostile.behave(HostileFhirServer.Behaviour.SLOW);
        long start = System.nanoTime();
        JsonNode outcome = refused(hurried, observationsFrom(hostile.base()), "LCC-H033");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(DEADLINE.minusMillis(100), DEADLINE.plusSeconds(3));
        assertThat(Outcomes.fields(outcome)).containsExactly("prefetch.observations");
        stillAnswers();
    }

    @Test
    void aServerThatDribblesItsBody_isCutAtTheDeadline_notWhenItStops() {
        hostile.behave(HostileFhirServer.Behaviour.DRIBBLE);
        long start = System.nanoTime();
        refused(hurried, observationsFrom(hostile.base()), "LCC-H033");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // The headers came at once: a time-out on the headers alone would have let this run for ever.
        assertThat(took).isBetween(DEADLINE.minusMillis(100), DEADLINE.plusSeconds(3));
        stillAnswers();
    }

    @Test
    void a100MbAnswer_isCutAt16Mb_withoutReadingTheRest() {
        hostile.behave(HostileFhirServer.Behaviour.PADDED);
        JsonNode outcome = refused(service, observationsFrom(hostile.base()), "LCC-H031");

        assertThat(outcome.toString()).contains("over 16 MB");
        // The socket's buffers hold a little more than what was read; 100 MB would mean it was all read.
        assertThat(hostile.bytesSent()).isLessThan(40 * MB);
        stillAnswers();
    }

    @Test
    void a100MbAnswerThatSaysSo_isRefusedBeforeItsBody() {
        hostile.behave(HostileFhirServer.Behaviour.PADDED_DECLARED);
        refused(service, observationsFrom(hostile.base()), "LCC-H031");

        assertThat(hostile.bytesSent()).isLessThan(16 * MB);
        stillAnswers();
    }

    @Test
    void answersJustUnderTheBound_areRead() {
        // 1 MB of whitespace around an empty searchset: valid FHIR, under every bound.
        hostile.behave(HostileFhirServer.Behaviour.PADDED).size(MB);
        TestService.Response answer = service.post(TestService.PATIENT_VIEW, observationsFrom(hostile.base()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void answersOverThePerCallBound_together_are412() {
        // Seven answers of 12 MB: each under 16 MB, together over 64 MB.
        hostile.behave(HostileFhirServer.Behaviour.PADDED).size(12 * MB);
        JsonNode outcome = refused(service, everythingFrom(hostile.base()), "LCC-H032");

        assertThat(outcome.toString()).contains("over 64 MB");
        stillAnswers();
    }

    @Test
    void aServerThatPagesForEver_isStoppedAfter100Requests() {
        hostile.behave(HostileFhirServer.Behaviour.ENDLESS_PAGES);
        refused(service, observationsFrom(hostile.base()), "LCC-H034");
        assertThat(hostile.requests()).isEqualTo(100);
        stillAnswers();
    }

    @Test
    void garbage_is412_notA500() {
        hostile.behave(HostileFhirServer.Behaviour.GARBAGE);
        JsonNode outcome = refused(service, everythingFrom(hostile.base()), "LCC-H006");

        assertThat(outcome.toString()).contains("not FHIR R4 JSON");
        stillAnswers();
    }

    @Test
    void jsonNestedTooDeep_fromTheServer_is412_notA500() {
        hostile.behave(HostileFhirServer.Behaviour.DEEP);
        refused(service, observationsFrom(hostile.base()), "LCC-H006");
        stillAnswers();
    }

    @Test
    void theServicesOwnBoundOverAllCalls_is412_andGivenBack() {
        // A service that may hold only 4 MB of FHIR answers at once, asked for one of 8 MB.
        try (TestService small = TestService.start(b -> b.fhirServerLimits(FhirServerLimits.defaults()
                .withDeadline(UNHURRIED).withMaxHeldBytes(4 * MB)))) {
            hostile.behave(HostileFhirServer.Behaviour.PADDED).size(8 * MB);
            refused(small, observationsFrom(hostile.base()), "LCC-H035");

            // What the refused call held is given back: a call of 3 MB fits again, twice in a row.
            hostile.behave(HostileFhirServer.Behaviour.PADDED).size(3 * MB);
            for (int i = 0; i < 2; i++) {
                TestService.Response answer = small.post(TestService.PATIENT_VIEW, observationsFrom(hostile.base()));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
        }
    }
}
