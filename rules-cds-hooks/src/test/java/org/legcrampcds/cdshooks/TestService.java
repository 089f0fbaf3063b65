package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.legcrampcds.cdshooks.json.CdsResponseJson;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson;
import org.legcrampcds.engine.CrampAssessor;

/**
 * The service on 127.0.0.1 with an ephemeral port, over the built-in rules (compiled once for all
 * tests), at the as-of date of the test bundles, and a client that calls it over the socket.
 */
final class TestService implements AutoCloseable {

    /** The date the test bundles' day counts are worked out at. */
    static final Clock AS_OF = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    static final String PATIENT_VIEW = "leg-cramps-patient-view";
    static final String ORDER_SIGN = "leg-cramps-order-sign";
    static final String ORDER_SELECT = "leg-cramps-order-select";

    private static CrampAssessor rules;

    static synchronized CrampAssessor rules() {
        if (rules == null) {
            rules = CrampAssessor.builder().build();
        }
        return rules;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final CdsHooksService service;

    private TestService(CdsHooksService service) {
        this.service = service;
    }

    static TestService start() {
        return start(b -> b);
    }

    static TestService start(UnaryOperator<CdsHooksService.Builder> configure) {
        CrampAssessor assessor = rules();
        return new TestService(configure.apply(CdsHooksService.builder().host("127.0.0.1").port(0)
                .assessor(() -> assessor).clock(AS_OF)).start());
    }

    String base() {
        return "http://127.0.0.1:" + service.port();
    }

    /** A hook call body: hook, a fresh hookInstance, the patient in context, and this prefetch (null: none). */
    static ObjectNode call(String hook, String patientId, JsonNode prefetch) {
        ObjectNode body = Json.object().put("hook", hook).put("hookInstance", UUID.randomUUID().toString());
        body.putObject("context").put("userId", "Practitioner/dr1").put("patientId", patientId);
        if (prefetch != null) {
            body.set("prefetch", prefetch);
        }
        return body;
    }

    /** The same call with the EHR's FHIR server and its bearer token. */
    static ObjectNode withServer(ObjectNode body, String fhirServer, String token) {
        body.put("fhirServer", fhirServer);
        body.putObject("fhirAuthorization").put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", 300).put("scope", "user/*.read").put("subject", "cds-service");
        return body;
    }

    Response post(String path, String contentType, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Response post(String service, JsonNode body) {
        return post("/cds-services/" + service, "application/json", Json.write(body), null);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, body and, for JSON bodies, the tree. */
    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The answer of a hook call, read as the service's records: an unknown or missing field fails. */
        CdsResponseJson cards() {
            return read(CdsResponseJson.class);
        }

        /** An error answer, read as the service's record. */
        OperationOutcomeJson outcome() {
            return read(OperationOutcomeJson.class);
        }

        private <T> T read(Class<T> type) {
            try {
                return Json.MAPPER.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
