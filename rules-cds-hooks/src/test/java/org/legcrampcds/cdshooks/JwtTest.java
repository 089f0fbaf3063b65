package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT verification against trusted issuers, whose JWKS the fake EHR serves on loopback: a good
 * token passes; unsigned, HMAC, wrong audience, expired, replayed and unknown-issuer tokens get
 * 401 with no detail.
 */
class JwtTest {

    private static final String ISSUER = "https://ehr.test.example";

    private static FakeFhirServer ehr;
    private static TestService service;
    private static TestTokens tokens;
    private static String body;

    @BeforeAll
    static void start() throws Exception {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        ehr = new FakeFhirServer(patient);
        tokens = new TestTokens(ISSUER);
        ehr.jwks(tokens.jwks());
        TrustedIssuers trusted = TrustedIssuers.of(Map.of(ISSUER, URI.create(ehr.jwksUrl())), null);
        service = TestService.start(b -> b.trustedIssuers(trusted));
        body = Json.write(TestService.call("patient-view", "p1", patient.prefetch()));
    }

    @AfterAll
    static void stop() {
        service.close();
        ehr.close();
    }

    private static TestService.Response call(String token) {
        return service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json", body,
                token == null ? null : "Bearer " + token);
    }

    private static void refused(String token) {
        TestService.Response response = call(token);
        JsonNode outcome = Outcomes.assertOutcome(response, 401);
        assertThat(outcome.path("issue").path(0).has("diagnostics")).as("no detail").isFalse();
        assertThat(outcome.path("issue").path(0).has("details")).isFalse();
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aGoodToken_isServed() {
        assertThat(call(tokens.rs256(service.service.url())).status()).isEqualTo(200);
    }

    @Test
    void aTokenForTheEndpoint_isServedToo() {
        String endpoint = service.service.url() + "/cds-services/" + TestService.PATIENT_VIEW;
        assertThat(call(tokens.rs256(endpoint)).status()).isEqualTo(200);
    }

    @Test
    void noToken_is401() {
        refused(null);
    }

    @Test
    void garbage_is401() {
        refused("not.a.jwt");
    }

    @Test
    void anUnsignedToken_is401() {
        refused(tokens.none(service.service.url()));
    }

    @Test
    void anHs256Token_is401() {
        refused(tokens.hs256(service.service.url()));
    }

    @Test
    void theWrongAudience_is401() {
        refused(tokens.rs256("https://another-service.example"));
    }

    @Test
    void anExpiredToken_is401() {
        refused(tokens.rs256(service.service.url(), c -> c.issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600)))));
    }

    @Test
    void aTokenWithoutKid_is401() {
        refused(tokens.rs256WithoutKid(service.service.url()));
    }

    @Test
    void aTokenValidForAYear_is401() {
        // Issue 18: such a token was accepted; a stolen one could be replayed for a year with another jti.
        refused(tokens.rs256(service.service.url(), c -> c.expirationTime(Date.from(Instant.now().plusSeconds(365L * 24 * 3600)))));
    }

    @Test
    void aTokenValidForSevenMinutes_is401_andFiveMinutesAndTheSkew_isServed() {
        Instant iat = Instant.now();
        refused(tokens.rs256(service.service.url(), c -> c.issueTime(Date.from(iat)).expirationTime(Date.from(iat.plusSeconds(7 * 60)))));
        assertThat(call(tokens.rs256(service.service.url(), c -> c.issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plusSeconds(5 * 60 + 59))))).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutJti_is401() {
        refused(tokens.rs256(service.service.url(), c -> c.jwtID(null)));
    }

    @Test
    void aTokenIssuedInTheFuture_is401() {
        refused(tokens.rs256(service.service.url(), c -> c.issueTime(Date.from(Instant.now().plusSeconds(600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(900)))));
    }

    @Test
    void aReplayedToken_is401() {
        String token = tokens.rs256(service.service.url());
        assertThat(call(token).status()).isEqualTo(200);
        refused(token);
    }

    @Test
    void anUnknownIssuer_is401() {
        refused(new TestTokens("https://stranger.example").rs256(service.service.url()));
    }

    @Test
    void aTrustedIssuerNameWithAnotherKey_is401() {
        refused(new TestTokens(ISSUER).rs256(service.service.url()));
    }

    @Test
    void feedbackNeedsAToken_too() {
        TestService.Response response = service.post("/cds-services/" + TestService.PATIENT_VIEW + "/feedback",
                "application/json", "{\"feedback\": []}", null);
        Outcomes.assertOutcome(response, 401);
    }

    @Test
    void discovery_isOpen() {
        assertThat(service.get("/cds-services").status()).isEqualTo(200);
    }

    @Test
    void withoutTrustedIssuers_aBindBeyondLoopback_isRefused() {
        assertThatThrownBy(() -> CdsHooksService.builder().host("0.0.0.0").port(0).assessor(TestService::rules).start())
                .isInstanceOf(CdsHooksConfigException.class)
                .hasMessageContaining("LCC-H009");
    }
}
