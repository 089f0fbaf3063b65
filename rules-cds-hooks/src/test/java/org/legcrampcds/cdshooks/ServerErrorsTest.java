package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson;

/**
 * Issue 18: the answers the HTTP server gives itself, before any route (a bad path character, a
 * 100 kB URL, oversized headers, an unknown route, a method not served), were Jetty's HTML pages or
 * lacked a code. Each is sent here on a raw socket, as a hostile client would, and must be an
 * OperationOutcome with the service's diagnostic code in {@code issue[0].details.coding}.
 */
class ServerErrorsTest {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** One raw HTTP/1.1 exchange: the request as bytes, the answer's status, content type and body. */
    private record Raw(int status, String contentType, String body) {
        OperationOutcomeJson outcome() throws IOException {
            return Json.MAPPER.readValue(body, OperationOutcomeJson.class);
        }
    }

    private static Raw send(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", service.service.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
            return new Raw(Integer.parseInt(head.substring(9, 12)), contentType, text.substring(end + 4));
        }
    }

    /** Whether the answer is whole: its head and a body as long as Content-Length says. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return text.substring(end + 4).getBytes(StandardCharsets.UTF_8).length >= length;
            }
        }
        return false;
    }

    private static void assertOutcome(Raw raw, int status, String code) throws IOException {
        assertThat(raw.status()).as(raw.body()).isEqualTo(status);
        assertThat(raw.contentType()).startsWith("application/fhir+json");
        assertThat(raw.body()).doesNotContain("<html", "<h1", "Exception", "\tat ");
        OperationOutcomeJson outcome = raw.outcome();
        assertThat(outcome.resourceType()).isEqualTo("OperationOutcome");
        assertThat(outcome.issue().get(0).details().coding().get(0).system()).isEqualTo(OperationOutcomeJson.DIAGNOSTIC_SYSTEM);
        assertThat(outcome.issue().get(0).diagnosticCode()).isEqualTo(code);
    }

    private static String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    @Test
    void aBadPathCharacter_is400_anOutcome() throws IOException {
        assertOutcome(send(get("/cds-services/%ZZ", "")), 400, "LCC-H020");
    }

    @Test
    void anAmbiguousPath_is400_anOutcome() throws IOException {
        assertOutcome(send(get("/cds-services/%2e%2e/%2e%2e/etc/passwd", "")), 400, "LCC-H020");
    }

    @Test
    void aHundredKilobyteUrl_is414_anOutcome() throws IOException {
        assertOutcome(send(get("/cds-services?" + "a".repeat(100_000), "")), 414, "LCC-H024");
    }

    @Test
    void oversizedHeaders_are431_anOutcome() throws IOException {
        assertOutcome(send(get("/cds-services", "X-Filler: " + "b".repeat(100_000) + "\r\n")), 431, "LCC-H025");
    }

    @Test
    void anUnknownRoute_is404_withItsCode() throws IOException {
        assertOutcome(send(get("/no-such-endpoint", "")), 404, "LCC-H021");
    }

    @Test
    void aMethodNotServed_is405_withItsCode() throws IOException {
        assertOutcome(send("DELETE /cds-services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 405, "LCC-H022");
    }

    @Test
    void aBodyOfAnotherMediaType_is415_withItsCode() throws IOException {
        String body = "hook=patient-view";
        assertOutcome(send("POST /cds-services/" + TestService.PATIENT_VIEW + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body),
                415, "LCC-H001");
    }
}
