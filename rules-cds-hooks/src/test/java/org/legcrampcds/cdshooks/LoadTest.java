package org.legcrampcds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load on loopback: 8 concurrent clients, 2,000 patient-view calls with the whole record
 * prefetched, then 200 that fetch it from the FHIR server. Zero errors is the assertion; the
 * latencies are written to {@code target/cds-hooks-load.txt} for docs/performance.md and never
 * asserted (this machine is shared).
 */
@Tag("slow") // load test (skipped by -Dquick)
class LoadTest {

    private static final int CLIENTS = 8;
    private static final int WARM_UP = 100;

    @Test
    void twoThousandCallsFromEightClients_allAnswered() throws Exception {
        TestPatient patient = TestPatient.fromBundle("interfaces-example");
        try (TestService service = TestService.start(); FakeFhirServer fhir = new FakeFhirServer(patient)) {
            String prefetched = Json.write(TestService.call("patient-view", "p1", patient.prefetch()));
            String fetched = Json.write(TestService.withServer(TestService.call("patient-view", "p1", null), fhir.base(), "t"));
            URI url = URI.create(service.base() + "/cds-services/" + TestService.PATIENT_VIEW);

            run(url, prefetched, WARM_UP);
            long start = System.nanoTime();
            long[] withPrefetch = run(url, prefetched, 2_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] withFetch = run(url, fetched, 200);

            // How busy the machine was: the numbers mean little without it.
            Path loadavg = Path.of("/proc/loadavg");
            String load = Files.isReadable(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
            String report = String.format(Locale.ROOT, "load average %s at the end; %d clients; prefetch: %d calls in %.1f s (%.0f calls/s), p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms; fetched from the FHIR server: %d calls, p50 %.1f ms, p99 %.1f ms%n",
                    load, CLIENTS, withPrefetch.length, seconds, withPrefetch.length / seconds, ms(withPrefetch, 0.50),
                    ms(withPrefetch, 0.99), ms(withPrefetch, 1.0), withFetch.length, ms(withFetch, 0.50), ms(withFetch, 0.99));
            Files.writeString(Path.of("target", "cds-hooks-load.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /** Sends the calls from {@link #CLIENTS} threads; every answer must be 200 with cards. */
    private static long[] run(URI url, String body, int calls) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[calls];
        List<Future<List<String>>> errors = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                errors.add(clients.submit(() -> {
                    List<String> failed = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[i] = System.nanoTime() - t0;
                            if (response.statusCode() != 200 || !response.body().contains("\"cards\":[{")) {
                                failed.add(response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            failed.add(e.toString());
                        }
                    }
                    return failed;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : errors) {
                all.addAll(f.get());
            }
            assertThat(all).as("errors").isEmpty();
        } finally {
            clients.shutdownNow();
        }
        return latencies;
    }

    private static double ms(long[] latencies, double quantile) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
