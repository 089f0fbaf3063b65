package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: JSON nested 1,001 levels deep, a 21 MB string inside an allowed body and a 1,500-digit
 * number each gave an internal NullPointerException (a 500). Each bound of interfaces.md §7 (2.3) is
 * now a 400 or 413 with its own code, and each is tested on both sides: at the bound the body is
 * read (the values sit in a prefetch key the service does not advertise, so the call answers 200),
 * one past it the call is refused.
 */
class RequestBoundsTest {

    private static final TestPatient PATIENT = TestPatient.fromBundle("interfaces-example");
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A valid patient-view call whose unadvertised prefetch key {@code extra} holds this JSON text. */
    private static String callWithExtra(String json) {
        ObjectNode body = TestService.call("patient-view", "p1", PATIENT.prefetch());
        ((ObjectNode) body.get("prefetch")).put("extra", "@EXTRA@");
        return Json.write(body).replace("\"@EXTRA@\"", json);
    }

    private static TestService.Response post(String body) {
        return service.post("/cds-services/" + TestService.PATIENT_VIEW, "application/json", body, null);
    }

    private static JsonNode refused(String body, int status, String code) {
        JsonNode outcome = Outcomes.assertOutcome(post(body), status);
        assertThat(Outcomes.codes(outcome)).containsExactly(code);
        return outcome;
    }

    private static void read(String body) {
        TestService.Response answer = post(body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Arrays nested so that, inside {@code {"prefetch": {"extra": ...}}}, the deepest level is {@code depth}. */
    private static String nestedTo(int depth) {
        int arrays = depth - 2;
        return "[".repeat(arrays) + "]".repeat(arrays);
    }

    @Test
    void nesting_atTheBound_isRead_andOnePast_is400() {
        read(callWithExtra(nestedTo(200)));

        JsonNode outcome = refused(callWithExtra(nestedTo(201)), 400, "LCC-H028");
        assertThat(Outcomes.fields(outcome).get(0)).startsWith("prefetch.extra[0][0]");
    }

    @Test
    void nesting1001Deep_asTheReviewSentIt_is400() {
        refused("[".repeat(1001) + "]".repeat(1001), 400, "LCC-H028");
    }

    @Test
    void aString_atTheBound_isRead_andOnePast_is400_namingItsField() {
        read(callWithExtra("\"" + "x".repeat(RequestJson.MAX_STRING_CHARS) + "\""));

        JsonNode outcome = refused(callWithExtra("\"" + "x".repeat(RequestJson.MAX_STRING_CHARS + 1) + "\""), 400, "LCC-H029");
        assertThat(Outcomes.fields(outcome)).containsExactly("prefetch.extra");
        assertThat(outcome.toString()).doesNotContain("xxxxxxxx");
    }

    @Test
    void a21MbString_asTheReviewSentIt_is400() {
        refused(callWithExtra("\"" + "x".repeat(21 * 1024 * 1024) + "\""), 400, "LCC-H029");
    }

    @Test
    void aFieldName_overTheBound_is400() {
        refused(callWithExtra("{\"" + "k".repeat(RequestJson.MAX_STRING_CHARS + 1) + "\": 1}"), 400, "LCC-H029");
    }

    @Test
    void aNumber_atTheBound_isRead_andOnePast_is400() {
        read(callWithExtra("1".repeat(RequestJson.MAX_NUMBER_DIGITS)));

        refused(callWithExtra("1".repeat(RequestJson.MAX_NUMBER_DIGITS + 1)), 400, "LCC-H030");
        refused(callWithExtra("0." + "1".repeat(1_500)), 400, "LCC-H030");
    }

    @Test
    void a1500DigitNumber_asTheReviewSentIt_is400() {
        refused(callWithExtra("1".repeat(1_500)), 400, "LCC-H030");
    }

    @Test
    void aBodyOver32Mb_withItsLength_is413_beforeItIsRead() throws IOException {
        RawAnswer answer = rawPost(33L * 1024 * 1024, false);
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("OperationOutcome", "LCC-H023");
    }

    @Test
    void aChunkedBodyOver32Mb_is413_whenItCrossesTheBound() throws IOException {
        RawAnswer answer = rawPost(33L * 1024 * 1024, true);
        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.text()).contains("OperationOutcome", "LCC-H023");
    }

    @Test
    void aBodyJustUnder32Mb_isRead() {
        // 31 MB of whitespace before a valid call, all of it read by the parser: no bound crossed.
        String call = Json.write(TestService.call("patient-view", "p1", PATIENT.prefetch()));
        read(" ".repeat(31 * 1024 * 1024) + call);
    }

    record RawAnswer(int status, String text) {
    }

    /**
     * A POST of {@code bytes} of JSON over a plain socket: the JDK client may give up writing when the
     * service answers early, and the answer is what is tested. The body is written from another
     * thread; a write the service refuses (it closed the connection) ends it.
     */
    private static RawAnswer rawPost(long bytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.service.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST /cds-services/" + TestService.PATIENT_VIEW + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                byte[] block = new byte[64 * 1024];
                Arrays.fill(block, (byte) ' ');
                block[0] = '[';
                try {
                    for (long left = bytes; left > 0; left -= block.length) {
                        if (chunked) {
                            out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(block);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        block[0] = ' ';
                    }
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // The service stopped reading: expected once it has answered.
                }
            }, "raw-body-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("}]}")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // A reset after the answer: what was read is the answer.
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new RawAnswer(status, text);
        }
    }
}
