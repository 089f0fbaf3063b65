package org.legcrampcds.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.legcrampcds.cdshooks.CdsHooksService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One CDS Hooks {@code patient-view} call over loopback, as an EHR makes it: the service (built-in
 * rules, 127.0.0.1, an ephemeral port) and the JDK {@code HttpClient} in the same JVM, the whole
 * record prefetched ({@code load/patient-view.json}). {@code discovery} (a GET of the small discovery
 * document) is the cost of the HTTP round trip alone, to subtract from {@code patientView}: with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is then the allocation of one hook call (all threads
 * of the JVM count, client and server). {@code patientView{1,8}Clients} give the latency
 * distribution (p50, p99) of 1 and 8 concurrent clients.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 4)
public class HookCallBenchmark {

    private CdsHooksService service;
    private HttpClient http;
    private HttpRequest patientView;
    private HttpRequest discovery;

    @Setup(Level.Trial)
    public void start() {
        service = CdsHooksService.builder().host("127.0.0.1").port(0).builtInRules().start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + service.port() + "/cds-services";
        String body;
        try (InputStream in = HookCallBenchmark.class.getResourceAsStream("/patient-view.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        patientView = HttpRequest.newBuilder(URI.create(base + "/leg-cramps-patient-view")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        discovery = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(30)).GET().build();
        // The first call loads HAPI's FHIR context and the mapping: on a busy machine that takes long.
        String first = send(HttpRequest.newBuilder(patientView, (name, value) -> true).timeout(Duration.ofMinutes(5)).build());
        if (!first.contains("\"cards\":[{")) {
            throw new IllegalStateException("patient-view did not answer cards: " + first);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String patientView() {
        return send(patientView);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String discovery() {
        return send(discovery);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public String patientView1Client() {
        return send(patientView);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(8)
    public String patientView8Clients() {
        return send(patientView);
    }
}
