package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.legcrampcds.cdshooks.json.CdsResponseJson;

/**
 * The prefetch matrix of interfaces.md §7 against a FHIR server on loopback: absent keys are fetched
 * with the bearer token, null and OperationOutcome are no data and not fetched, an empty Bundle is
 * no data, a paged Bundle is followed, and data that cannot be had is 412.
 */
class PrefetchTest {

    private static final String TOKEN = "ehr-access-token-1";

    private static TestService service;
    private static FakeFhirServer fhir;
    private static final TestPatient PATIENT = TestPatient.fromBundle("interfaces-example");

    @BeforeAll
    static void start() throws Exception {
        service = TestService.start();
        fhir = new FakeFhirServer(PATIENT);
    }

    @AfterAll
    static void stop() {
        service.close();
        fhir.close();
    }

    @BeforeEach
    void reset() {
        fhir.forget();
        fhir.pageSize(1000);
        fhir.nextLinkTo(null);
        fhir.heal();
    }

    private static CdsResponseJson viaService(ObjectNode body) {
        TestService.Response response = service.post(TestService.PATIENT_VIEW, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.cards();
    }

    /** Every card's summary and finding codes, in order: what two answers must share to be the same. */
    private static List<String> detail(CdsResponseJson answer) {
        List<String> all = new ArrayList<>();
        answer.cards().forEach(c -> {
            all.add(c.summary());
            all.addAll(c.extension().findingCodes());
        });
        return all;
    }

    @Test
    void absentKeys_areFetchedFromFhirServer_withTheBearerToken_andGiveTheSameCards() {
        List<String> prefetched = detail(viaService(TestService.call("patient-view", "p1", PATIENT.prefetch())));

        List<String> fetched = detail(viaService(TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN)));

        assertThat(fhir.seen()).hasSize(7);
        assertThat(fhir.seen()).allMatch(s -> ("Bearer " + TOKEN).equals(s.authorization()));
        assertThat(fhir.seen()).anyMatch(s -> s.pathAndQuery().equals("/fhir/Patient/p1"));
        assertThat(fhir.seen()).anyMatch(s -> s.pathAndQuery().startsWith("/fhir/Observation?patient=p1&code=http%3A%2F%2Floinc.org%7C"));
        assertThat(fetched).as("same cards either way").isEqualTo(prefetched);
    }

    @Test
    void onlyTheAbsentKeys_areFetched() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.remove("conditions");
        viaService(TestService.withServer(TestService.call("patient-view", "p1", prefetch), fhir.base(), TOKEN));

        assertThat(fhir.seen()).extracting(FakeFhirServer.Seen::pathAndQuery).containsExactly("/fhir/Condition?patient=p1");
    }

    @Test
    void nullAndOperationOutcome_areNoData_andNotFetched() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.set("conditions", NullNode.getInstance());
        prefetch.set("observations", Json.object().put("resourceType", "OperationOutcome")
                .set("issue", Json.MAPPER.createArrayNode().add(Json.object().put("severity", "error").put("code", "forbidden"))));
        List<String> cards = detail(viaService(TestService.withServer(TestService.call("patient-view", "p1", prefetch), fhir.base(), TOKEN)));

        assertThat(fhir.seen()).isEmpty();
        // Without the condition and the labs, the hypokalaemia of the example is not there.
        assertThat(cards).doesNotContain("CAUSE_HYPOKALAEMIA").contains("CAUSE_AGE");
    }

    @Test
    void anEmptyBundle_isNoData() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.set("observations", TestPatient.searchset(List.of()));
        List<String> cards = detail(viaService(TestService.call("patient-view", "p1", prefetch)));

        assertThat(cards).doesNotContain("CAUSE_HYPOKALAEMIA");
    }

    @Test
    void aPagedSearch_isFollowed_toTheLastPage_withTheToken() {
        fhir.pageSize(1);
        List<String> paged = detail(viaService(TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN)));

        assertThat(fhir.seen()).extracting(FakeFhirServer.Seen::pathAndQuery)
                .contains("/fhir/Observation?patient=p1&_page=2", "/fhir/Observation?patient=p1&_page=3");
        assertThat(fhir.seen()).allMatch(s -> ("Bearer " + TOKEN).equals(s.authorization()));
        assertThat(paged).contains("CAUSE_HYPOKALAEMIA");
    }

    @Test
    void aPrefetchedBundleWithANextPage_isFollowedOnFhirServer() {
        ObjectNode prefetch = PATIENT.prefetch();
        ObjectNode observations = TestPatient.searchset(List.of());
        observations.putArray("link").addObject().put("relation", "next").put("url", fhir.base() + "/Observation?patient=p1&_page=1");
        prefetch.set("observations", observations);
        List<String> cards = detail(viaService(TestService.withServer(TestService.call("patient-view", "p1", prefetch), fhir.base(), TOKEN)));

        assertThat(fhir.seen()).extracting(FakeFhirServer.Seen::pathAndQuery).containsExactly("/fhir/Observation?patient=p1&_page=1");
        assertThat(cards).contains("CAUSE_HYPOKALAEMIA");
    }

    @Test
    void anAbsentKey_withoutFhirServer_is412() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.remove("procedures");
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW,
                TestService.call("patient-view", "p1", prefetch)), 412);

        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H005");
        assertThat(Outcomes.fields(outcome)).containsExactly("prefetch.procedures");
    }

    @Test
    void aFailingFhirServer_is412() {
        fhir.fail("Condition", 500);
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW,
                TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN)), 412);

        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H006");
        assertThat(Outcomes.fields(outcome)).containsExactly("prefetch.conditions");
    }

    @Test
    void anUnreachableFhirServer_is412() {
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW,
                TestService.withServer(TestService.call("patient-view", "p1", null), "http://127.0.0.1:1/fhir", TOKEN)), 412);

        assertThat(Outcomes.codes(outcome)).containsOnly("LCC-H006");
    }

    @Test
    void aNextPageOnAnotherServer_isNotFollowed_soTheTokenStaysHome() {
        fhir.pageSize(1);
        fhir.nextLinkTo("http://127.0.0.2:9/fhir/Observation?page=2");
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW,
                TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), TOKEN)), 412);

        assertThat(Outcomes.codes(outcome)).containsOnly("LCC-H006");
        assertThat(outcome.toString()).contains("leaves fhirServer");
    }

    @Test
    void noPatient_is412() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.set("patient", NullNode.getInstance());
        JsonNode outcome = Outcomes.assertOutcome(service.post(TestService.PATIENT_VIEW,
                TestService.call("patient-view", "p1", prefetch)), 412);

        assertThat(Outcomes.codes(outcome)).containsExactly("LCC-H007");
    }

    @Test
    void unadvertisedKeys_areIgnored() {
        ObjectNode prefetch = PATIENT.prefetch();
        prefetch.put("somethingElse", "not even a resource");
        viaService(TestService.call("patient-view", "p1", prefetch));
    }
}
