package org.legcrampcds.population;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.legcrampcds.cdshooks.CdsHooksService;
import org.legcrampcds.engine.CrampAssessor;

/**
 * The measurements of docs/performance.md ("A realistic population") and the held-back check
 * (held-back.sh), as a program on this module's test class path
 * ({@code target/test-classpath.txt}, written by the build):
 *
 * <ul>
 *   <li>{@code parse DIR}: read every {@code *.json} of DIR as a Jackson tree, nothing else: the
 *       plain JSON parse the command line is compared with; prints wall and CPU ms.</li>
 *   <li>{@code export DIR OUT}: the Bundles of DIR as a Bulk Data export in OUT (one ndjson per type).</li>
 *   <li>{@code cds BUNDLE N}: the CDS Hooks service on 127.0.0.1, {@code patient-view} with the
 *       discovery's prefetch for that patient, called N times after N/5 warm-up calls; p50, p99 and
 *       CPU per call.</li>
 *   <li>{@code compare CLI.jsonl SCREENING_OUT DIR}: every patient of DIR has the command line's
 *       result in the screening job's output (the fields every path must give identically), and no
 *       patient is refused; prints the counts, exits 1 on any difference.</li>
 * </ul>
 */
public final class Measure {

    private Measure() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "parse" -> parse(Path.of(args[1]));
            case "export" -> export(Path.of(args[1]), Path.of(args[2]));
            case "cds" -> cds(Path.of(args[1]), Integer.parseInt(args[2]));
            case "compare" -> System.exit(compare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3])));
            default -> throw new IllegalArgumentException("parse | export | cds | compare: " + Arrays.toString(args));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void parse(Path dir) throws IOException {
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        long nodes = 0;
        long bytes = 0;
        for (Path file : files(dir)) {
            bytes += Files.size(file);
            nodes += Population.JSON.readTree(file.toFile()).path("entry").size();
        }
        System.out.printf("parse: %d files, %d MB, %d entries: wall %d ms, cpu %d ms (in-process, after JVM start)%n",
                files(dir).size(), bytes >> 20, nodes, (System.nanoTime() - wall) / 1_000_000, (cpuNanos() - cpu) / 1_000_000);
    }

    private static void export(Path dir, Path out) {
        System.setProperty("population.bundles", dir.toString());
        Population.writeExport(out);
    }

    private static void cds(Path bundle, int calls) throws Exception {
        CrampAssessor assessor = CrampAssessor.builder().build();
        String patientId = null;
        List<ObjectNode> resources = Population.asOnTheServer(bundle);
        for (ObjectNode r : resources) {
            if (r.path("resourceType").asText().equals("Patient")) {
                patientId = r.path("id").asText();
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        try (CdsHooksService service = CdsHooksService.builder().host("127.0.0.1").port(0).assessor(() -> assessor)
                .clock(Clock.fixed(Population.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).start()) {
            JsonNode discovery = Population.readTree(http.send(HttpRequest.newBuilder(URI.create(service.url() + "/cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode patientView = null;
            for (JsonNode s : discovery.path("services")) {
                if (s.path("hook").asText().equals("patient-view")) {
                    patientView = s;
                }
            }
            ObjectNode prefetch = Population.JSON.createObjectNode();
            String id = patientId;
            patientView.path("prefetch").properties().forEach(e ->
                    prefetch.set(e.getKey(), EveryPathTest.Prefetch.evaluate(e.getValue().asText(), id, resources)));
            URI uri = URI.create(service.url() + "/cds-services/" + patientView.path("id").asText());
            long[] latencies = new long[calls];
            int warmUp = Math.max(1, calls / 5);
            long cpu = 0;
            for (int i = -warmUp; i < calls; i++) {
                ObjectNode body = Population.JSON.createObjectNode().put("hook", "patient-view")
                        .put("hookInstance", UUID.randomUUID().toString());
                body.putObject("context").put("userId", "Practitioner/measure").put("patientId", patientId);
                body.set("prefetch", prefetch);
                String json = Population.JSON.writeValueAsString(body);
                if (i == 0) {
                    cpu = cpuNanos();
                }
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                }
                if (i >= 0) {
                    latencies[i] = System.nanoTime() - start;
                }
            }
            cpu = cpuNanos() - cpu;
            Arrays.sort(latencies);
            System.out.printf("cds: %s, prefetch %d KB, %d calls: p50 %.1f ms, p99 %.1f ms, cpu %.1f ms per call (client and service in one JVM)%n",
                    bundle.getFileName(), Population.JSON.writeValueAsString(prefetch).length() >> 10, calls,
                    latencies[calls / 2] / 1e6, latencies[(int) Math.ceil(calls * 0.99) - 1] / 1e6, cpu / 1e6 / calls);
        }
    }

    private static int compare(Path cliLines, Path screening, Path dir) throws IOException {
        System.setProperty("population.bundles", dir.toString());
        Map<String, JsonNode> cli = new TreeMap<>();
        for (String line : Files.readAllLines(cliLines, StandardCharsets.UTF_8)) {
            JsonNode result = Population.readTree(line);
            cli.put(result.path("caseId").asText(), result);
        }
        Map<String, JsonNode> job = Population.screeningResults(screening);
        int refused = 0;
        int different = 0;
        for (Population.Patient patient : Population.patients()) {
            JsonNode mine = cli.get(patient.caseId());
            JsonNode theirs = job.get(patient.patientId());
            if (mine == null || mine.has("error") || theirs == null || theirs.has("error")) {
                refused++;
                System.out.println("refused or missing: " + patient.caseId());
            } else if (!Population.comparable(mine).equals(Population.comparable(theirs))) {
                different++;
                System.out.println("different: " + patient.caseId());
            }
        }
        System.out.printf("compare: %d patients, %d command-line lines, %d job lines; %d refused or missing, %d different%n",
                Population.patients().size(), cli.size(), job.size(), refused, different);
        return refused == 0 && different == 0 ? 0 : 1;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".json")).sorted().toList());
        }
    }
}
