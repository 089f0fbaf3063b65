package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18: a {@code fhirServer} answering each search with 100 MB drove the service from 0.4 to
 * 6.2 GB, and three such calls at once all ended in 500. Here the service runs in a JVM of its own
 * with a heap of 256 MB and its default limits, three calls at once each ask a FHIR server on
 * loopback that answers every search with 100 MB, and all three must end in 412 with a bound's code;
 * the JVM must not run out of memory (it is told to exit if it does), and must still answer a normal
 * call afterwards.
 */
class BoundedMemoryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final TestPatient PATIENT = TestPatient.fromBundle("interfaces-example");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void threeConcurrent100MbAnswers_endIn412_inA256MbHeap_andTheServiceStillAnswers() throws Exception {
        Path log = Files.createTempFile("forked-service", ".log");
        Process process = fork(log);
        try (HostileFhirServer hostile = new HostileFhirServer()) {
            hostile.behave(HostileFhirServer.Behaviour.PADDED).size(100L * 1024 * 1024);
            String base = "http://127.0.0.1:" + port(process);

            String attack = Json.write(TestService.withServer(TestService.call("patient-view", "p1", null), hostile.base(), "t"));
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(HTTP.sendAsync(post(base, attack), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> answer = call.get(60, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(412);
                JsonNode outcome = Json.MAPPER.readTree(answer.body());
                assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
                assertThat(Outcomes.codes(outcome)).singleElement().isIn("LCC-H031", "LCC-H032", "LCC-H035");
            }
            // Far less than the 2,100 MB the three calls were offered.
            assertThat(hostile.bytesSent()).isLessThan(600L * 1024 * 1024);

            HttpResponse<String> normal = HTTP.send(post(base, Json.write(TestService.call("patient-view", "p1", PATIENT.prefetch()))),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError", "Exception");
        Files.deleteIfExists(log);
    }

    private static HttpRequest post(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/cds-services/" + TestService.PATIENT_VIEW))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The service in a JVM of 256 MB, from the test's own class path; its standard error goes to the log. */
    private static Process fork(Path log) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classPath,
                ForkedService.class.getName());
        assertThat(classPath.split(File.pathSeparator)).anyMatch(p -> p.contains("javalin"));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** Waits for the forked service's {@code PORT n} line. */
    private static int port(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("the forked service ended before it served (exit " + waitExit(process) + ")");
    }

    private static int waitExit(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
