package org.legcrampcds.population;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cli.LegCrampCli;

/**
 * The Synthea population the build generated (rules-population/pom.xml: fixed seed, reference date
 * and ages, into {@code target/synthea/fhir}), and the helpers every path's test shares: the
 * command line's results, the patients as a FHIR server would hold them, and the part of a result
 * that every path must give identically.
 */
final class Population {

    /** Synthea's reference date ({@code -r 20261201}): the day the records end, and the as-of date of every path. */
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of a result that the command line, CDS Hooks and Spark must give identically (issue 17). */
    static final List<String> SAME_ON_EVERY_PATH =
            List.of("highestUrgency", "findings", "suppressed", "dataRequired", "staleLabs", "recordComplete");

    private static @Nullable List<Patient> patients;
    private static @Nullable Map<String, JsonNode> cli;

    private Population() {
    }

    /** One generated patient: its Bundle file, the caseId the command line gives it and its Patient id. */
    record Patient(Path bundle, String caseId, String patientId) {
    }

    /** The folder of the generated Bundles, named by a system property that the build sets. */
    static Path bundles() {
        return Path.of(property("population.bundles"));
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is set by the build (rules-population/pom.xml)");
        }
        return value;
    }

    static synchronized List<Patient> patients() {
        if (patients == null) {
            List<Patient> found = new ArrayList<>();
            try (Stream<Path> files = Files.list(bundles())) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    found.add(new Patient(file, name.substring(0, name.length() - ".json".length()), patientIdIn(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            patients = List.copyOf(found);
        }
        return patients;
    }

    private static String patientIdIn(Path bundle) {
        for (JsonNode entry : read(bundle).path("entry")) {
            if (entry.path("resource").path("resourceType").asText().equals("Patient")) {
                return entry.path("resource").path("id").asText();
            }
        }
        throw new IllegalStateException("no Patient in " + bundle);
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code assess --format json --as-of 2026-12-01 DIR} of the command line over the population: its lines by caseId. */
    static synchronized Map<String, JsonNode> cli() {
        if (cli == null) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = LegCrampCli.run(new String[] {"assess", "--format", "json", "--as-of", AS_OF.toString(),
                bundles().toString()}, java.io.InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err));
            Map<String, JsonNode> byCase = new TreeMap<>();
            for (String line : out.toString().split("\n")) {
                if (!line.isEmpty()) {
                    JsonNode result = readTree(line);
                    byCase.put(result.path("caseId").asText(), result);
                }
            }
            if (status != 0 && byCase.values().stream().noneMatch(r -> r.has("error"))) {
                throw new IllegalStateException("the command line failed (" + status + "): " + err);
            }
            cli = byCase;
        }
        return cli;
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of {@link #SAME_ON_EVERY_PATH} of one result, in that order. */
    static ObjectNode comparable(JsonNode result) {
        ObjectNode same = JSON.createObjectNode();
        for (String field : SAME_ON_EVERY_PATH) {
            same.set(field, result.path(field));
        }
        return same;
    }

    /**
     * The resources of a Synthea Bundle as a FHIR server holds them once it has processed the
     * transaction: every {@code urn:uuid:} reference to an entry of the Bundle becomes
     * {@code Type/id}. This is what a Bulk Data export and a CDS Hooks prefetch carry.
     */
    static List<ObjectNode> asOnTheServer(Path bundle) {
        JsonNode tree = read(bundle);
        Map<String, String> byFullUrl = new HashMap<>();
        for (JsonNode entry : tree.path("entry")) {
            JsonNode resource = entry.path("resource");
            byFullUrl.put(entry.path("fullUrl").asText(), resource.path("resourceType").asText() + "/" + resource.path("id").asText());
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : tree.path("entry")) {
            ObjectNode resource = (ObjectNode) entry.path("resource").deepCopy();
            resolveReferences(resource, byFullUrl);
            resources.add(resource);
        }
        return resources;
    }

    private static void resolveReferences(JsonNode node, Map<String, String> byFullUrl) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && byFullUrl.containsKey(reference.textValue())) {
                object.set("reference", TextNode.valueOf(byFullUrl.get(reference.textValue())));
            }
            object.forEach(child -> resolveReferences(child, byFullUrl));
        } else if (node.isArray()) {
            node.forEach(child -> resolveReferences(child, byFullUrl));
        }
    }

    /**
     * The population as a FHIR Bulk Data export: one {@code <Type>.ndjson} per resource type, one
     * resource per line, every patient's resources as the server holds them.
     */
    static void writeExport(Path export) {
        try {
            Files.createDirectories(export);
            Map<String, Writer> files = new LinkedHashMap<>();
            try {
                for (Patient patient : patients()) {
                    for (ObjectNode resource : asOnTheServer(patient.bundle())) {
                        String type = resource.path("resourceType").asText();
                        Writer out = files.get(type);
                        if (out == null) {
                            out = Files.newBufferedWriter(export.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
                            files.put(type, out);
                        }
                        out.write(JSON.writeValueAsString(resource));
                        out.write('\n');
                    }
                }
            } finally {
                for (Writer out : files.values()) {
                    out.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every result line of a screening output folder, by patientId. */
    static Map<String, JsonNode> screeningResults(Path output) {
        Map<String, JsonNode> byPatient = new TreeMap<>();
        try (Stream<Path> parts = Files.list(output.resolve("results"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    JsonNode result = readTree(line);
                    if (byPatient.put(result.path("patientId").asText(), result) != null) {
                        throw new AssertionError("two result lines for patient " + result.path("patientId").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPatient;
    }
}
