package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.hl7.fhir.r4.model.Resource;

/**
 * Reads from the EHR's FHIR server with the JDK's HTTP client, sending the call's
 * {@code fhirAuthorization} bearer token. Any failure (an error status, a time-out, a body that is
 * not FHIR) is {@link CdsHooksDiagnostic#FHIR_SERVER_FAILED}: the call then gets 412.
 */
final class FhirServerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final FhirJson fhir;

    FhirServerClient(FhirJson fhir) {
        this.fhir = fhir;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The URL of a prefetch query on the server, each parameter value encoded.
     *
     * @param query a relative query such as {@code Observation?patient=p1&code=http://loinc.org|2823-3}
     */
    static URI resolve(URI server, String query) {
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        int q = query.indexOf('?');
        if (q < 0) {
            return URI.create(base + query);
        }
        StringBuilder url = new StringBuilder(base).append(query, 0, q + 1);
        String[] params = query.substring(q + 1).split("&");
        for (int i = 0; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            url.append(i == 0 ? "" : "&").append(params[i], 0, eq + 1)
                    .append(URLEncoder.encode(params[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        return URI.create(url.toString());
    }

    /** Reads one resource or search page; the future fails with a {@link HookException}. */
    CompletableFuture<Resource> get(URI url, String accessToken, String field) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET()
                .header("Accept", "application/fhir+json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw failed(field, "the FHIR server " + why(cause));
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw failed(field, "the FHIR server answered HTTP " + response.statusCode());
                    }
                    try {
                        return fhir.parse(response.body(), field);
                    } catch (HookException e) {
                        throw failed(field, "the FHIR server's answer is not FHIR R4 JSON");
                    }
                });
    }

    private static String why(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "did not answer in time";
        }
        if (cause instanceof ConnectException) {
            return "refused the connection";
        }
        return cause instanceof IOException ? "could not be reached" : "could not be asked";
    }

    static HookException failed(String field, String reason) {
        return new HookException(412, CdsHooksDiagnostic.FHIR_SERVER_FAILED, field, reason);
    }
}
