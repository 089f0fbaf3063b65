package org.legcrampcds.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes a synthetic Bulk Data export from example Bundles, for tests and throughput measurements:
 * patient {@code n} is template {@code n mod T} with fresh ids ({@code Patient/gen-<n>}, every other
 * resource {@code <id>-<n>}, every reference rewritten to match), its resources written to
 * {@code <Type>.<n mod files>.ndjson} (or {@code .ndjson.gz}). A template is any {@code *.json}
 * Bundle of exactly one Patient; other files of the folder are skipped.
 *
 * <pre>
 * java -cp rules-spark/target/leg-cramp-screening.jar org.legcrampcds.spark.ExportGenerator \
 *     --templates rules-fhir/src/test/resources/bundles --patients 100000 --output /tmp/export
 * </pre>
 *
 * The patients are made from example records, not from real people: no patient data is involved.
 */
@Command(name = "generate-export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a synthetic FHIR Bulk Data export made of example Bundles with fresh ids.")
public final class ExportGenerator implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Option(names = "--templates", required = true, paramLabel = "DIR", description = "A folder of example Bundles.")
    private Path templatesDirectory;

    @Option(names = "--patients", required = true, paramLabel = "N", description = "How many patients to write.")
    private int patients;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The export folder to write (created).")
    private Path output;

    @Option(names = "--files-per-type", defaultValue = "4", paramLabel = "K",
            description = "Files per resource type (default 4): patient n goes to file n mod K.")
    private int filesPerType;

    @Option(names = "--gzip", description = "Write .ndjson.gz files.")
    private boolean gzip;

    private final List<JsonNode> templates = new ArrayList<>();

    private ExportGenerator() {
    }

    /** A generator over these Bundles' texts, each a Bundle of exactly one Patient. */
    public static ExportGenerator of(List<String> bundles) {
        ExportGenerator generator = new ExportGenerator();
        for (String bundle : bundles) {
            JsonNode node = parse(bundle);
            if (!usable(node)) {
                throw new IllegalArgumentException("a template must be a Bundle of exactly one Patient");
            }
            generator.templates.add(node);
        }
        if (generator.templates.isEmpty()) {
            throw new IllegalArgumentException("no templates");
        }
        return generator;
    }

    /** Every {@code *.json} file in the folder that is a Bundle of exactly one Patient, by name. */
    public static List<String> templatesIn(Path directory) throws IOException {
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                try {
                    if (usable(JSON.readTree(text))) {
                        bundles.add(text);
                    }
                } catch (JsonProcessingException e) {
                    // Not JSON: not a template.
                }
            }
        }
        return bundles;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExportGenerator()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        ExportGenerator generator = of(templatesIn(templatesDirectory));
        generator.write(patients, output, filesPerType, gzip);
        new PrintWriter(System.out, true).println("wrote " + patients + " patients from " + generator.templates.size()
                + " templates to " + output);
        return 0;
    }

    /** The id of patient {@code n}. */
    public static String patientId(int n) {
        return "gen-" + n;
    }

    /** Patient {@code n}'s Bundle: its template with fresh ids, entries in the template's order, without {@code fullUrl}s. */
    public String bundle(int n) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        resources(n).forEach(r -> entries.addObject().set("resource", r));
        return bundle.toString();
    }

    /** Patient {@code n}'s resources with fresh ids. */
    public List<ObjectNode> resources(int n) {
        JsonNode template = templates.get(n % templates.size());
        Map<String, String> renamed = new HashMap<>();
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : template.path("entry")) {
            ObjectNode resource = entry.path("resource").deepCopy();
            String type = resource.path("resourceType").asText();
            String oldId = resource.path("id").asText(null);
            String newId = "Patient".equals(type) ? patientId(n) : (oldId == null ? "r" : oldId) + "-" + n;
            if (oldId != null) {
                renamed.put(type + "/" + oldId, type + "/" + newId);
            }
            resource.put("id", newId);
            resources.add(resource);
        }
        resources.forEach(r -> rewriteReferences(r, renamed));
        return resources;
    }

    /** Writes patients {@code 0 .. count-1} as an export. */
    public void write(int count, Path directory, int files, boolean compressed) throws IOException {
        Files.createDirectories(directory);
        Map<String, BufferedWriter> writers = new TreeMap<>();
        try {
            for (int n = 0; n < count; n++) {
                for (ObjectNode resource : resources(n)) {
                    String name = resource.path("resourceType").asText() + "." + String.format("%03d", n % files)
                            + (compressed ? ".ndjson.gz" : ".ndjson");
                    BufferedWriter out = writers.get(name);
                    if (out == null) {
                        out = open(directory.resolve(name), compressed);
                        writers.put(name, out);
                    }
                    out.write(resource.toString());
                    out.write('\n');
                }
            }
        } finally {
            for (BufferedWriter out : writers.values()) {
                out.close();
            }
        }
    }

    private static BufferedWriter open(Path file, boolean compressed) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(compressed ? new GZIPOutputStream(out, 1 << 16) : out,
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && renamed.containsKey(reference.textValue())) {
                object.set("reference", TextNode.valueOf(renamed.get(reference.textValue())));
            }
            object.forEach(child -> rewriteReferences(child, renamed));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteReferences(child, renamed));
        }
    }

    private static boolean usable(JsonNode node) {
        if (!"Bundle".equals(node.path("resourceType").asText())) {
            return false;
        }
        int patientsFound = 0;
        for (JsonNode entry : node.path("entry")) {
            if (!entry.path("resource").isObject()) {
                return false;
            }
            if ("Patient".equals(entry.path("resource").path("resourceType").asText())) {
                patientsFound++;
            }
        }
        return patientsFound == 1;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a template is not JSON", e);
        }
    }
}
