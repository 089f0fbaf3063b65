package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports as real servers write them, and as they go wrong: split files, gzip, orphans, broken lines. */
@Tag("slow") // runs Spark (skipped by -Dquick)
class ExportProblemsTest {

    @TempDir
    Path work;

    /** A resource placed in the export, with where it went. */
    private record Placed(ObjectNode resource, String file, int line) {
    }

    /**
     * Two patients whose resources are dealt round-robin over two files per type, one plain and one
     * gzipped: each patient's line equals the command line's for its own resources, in the job's
     * order (type, then file, then line), so nothing of one patient lands with the other.
     */
    @Test
    void aPatientSpreadOverSeveralFilesAndTypes_isGroupedRight_andGzipIsRead() throws IOException {
        ExportGenerator generator = ExportGenerator.of(List.of(
                Exports.read(Exports.fixtures("fixtures.bundles").resolve("interfaces-example.bundle.json")),
                Exports.read(Exports.fixtures("fixtures.bundles").resolve("medications-mixed.bundle.json"))));
        Path export = work.resolve("export");
        Map<String, List<String>> files = new LinkedHashMap<>();
        Map<Integer, List<Placed>> placed = new LinkedHashMap<>();
        int dealt = 0;
        for (int n = 0; n < 2; n++) {
            for (ObjectNode resource : generator.resources(n)) {
                String type = resource.path("resourceType").asText();
                String file = type + (dealt++ % 2 == 0 ? ".000.ndjson" : ".001.ndjson.gz");
                List<String> lines = files.computeIfAbsent(file, f -> new ArrayList<>());
                lines.add(resource.toString());
                placed.computeIfAbsent(n, k -> new ArrayList<>()).add(new Placed(resource, file, lines.size()));
            }
        }
        files.forEach((file, lines) -> Exports.write(export.resolve(file), lines));
        assertThat(files.keySet()).anyMatch(f -> f.endsWith(".gz")).anyMatch(f -> f.startsWith("Observation.001"));

        ScreeningSummary summary = Exports.screen(export, work.resolve("out"));
        Map<String, String> results = Exports.results(work.resolve("out"));

        Path bundles = Files.createDirectories(work.resolve("bundles"));
        for (int n = 0; n < 2; n++) {
            List<Placed> read = new ArrayList<>(placed.get(n).stream()
                    .filter(p -> ExportFileReader.READ_TYPES.contains(p.resource().path("resourceType").asText())).toList());
            read.sort(Comparator.comparingInt((Placed p) -> PatientScreening.TYPE_ORDER.indexOf(p.resource().path("resourceType").asText()))
                    .thenComparing(Placed::file).thenComparingInt(Placed::line));
            ObjectNode bundle = Exports.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
            read.forEach(p -> bundle.withArray("entry").addObject().set("resource", p.resource()));
            Files.writeString(bundles.resolve(ExportGenerator.patientId(n) + ".json"), bundle.toString(), StandardCharsets.UTF_8);
        }
        Map<String, String> cli = Exports.assess(bundles);
        assertThat(results).hasSize(2);
        for (int n = 0; n < 2; n++) {
            String id = ExportGenerator.patientId(n);
            assertThat(results.get(id)).isEqualTo(Exports.withPatientId(cli.get(id), id));
        }
        assertThat(summary.assessed()).isEqualTo(2);
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void resourcesWhosePatientIsMissing_areCountedAndReported_notDropped() throws IOException {
        Path export = work.resolve("export");
        Exports.write(export.resolve("Patient.ndjson"), List.of(
                "{\"resourceType\":\"Patient\",\"id\":\"here\",\"gender\":\"male\",\"birthDate\":\"1950-01-01\"}"));
        Exports.write(export.resolve("Observation.ndjson"), List.of(
                observation("o1", "Patient/ghost"),
                observation("o2", "Patient/here"),
                observation("o3", "https://ehr.example.org/fhir/Patient/ghost/_history/3")));
        Exports.write(export.resolve("Condition.ndjson"), List.of(
                "{\"resourceType\":\"Condition\",\"id\":\"c1\"}",
                "{\"resourceType\":\"Condition\",\"id\":\"c2\",\"subject\":{\"reference\":\"Group/g1\"}}"));

        ScreeningSummary summary = Exports.screen(export, work.resolve("out"));
        JsonNode json = Exports.summary(work.resolve("out"));

        assertThat(Exports.results(work.resolve("out"))).containsOnlyKeys("here");
        assertThat(summary.resourcesWithoutPatient()).isEqualTo(4);
        assertThat(summary.complete()).isFalse();
        JsonNode missing = json.path("patientNotInExport");
        assertThat(missing.path("code").asText()).isEqualTo("LCC-S006");
        assertThat(missing.path("patients").asLong()).isEqualTo(1);
        assertThat(missing.path("patientIds").toString()).isEqualTo("[\"ghost\"]");
        assertThat(missing.path("resourcesByType").toString()).isEqualTo("{\"Observation\":2}");
        JsonNode noReference = json.path("withoutPatientReference");
        assertThat(noReference.path("count").asLong()).isEqualTo(2);
        assertThat(noReference.path("byType").toString()).isEqualTo("{\"Condition\":2}");
        assertThat(noReference.path("lines").findValuesAsText("line")).containsExactly("1", "2");
        assertThat(noReference.path("lines").findValuesAsText("file")).containsOnly("Condition.ndjson");
        assertThat(noReference.path("lines").findValuesAsText("code")).containsOnly("LCC-S005");
        assertThat(json.path("resources").path("Observation").path("read").asLong()).isEqualTo(1);
    }

    @Test
    void badNdjsonLines_areCountedWithTheirFileAndLine() throws IOException {
        Path export = work.resolve("export");
        Exports.write(export.resolve("Patient.000.ndjson"), List.of(
                "{\"resourceType\":\"Patient\",\"id\":\"ok\",\"gender\":\"female\",\"birthDate\":\"1940-05-05\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"cut-off\",\"gender\":",
                "",
                "[1, 2]",
                "{\"resourceType\":\"Patient\",\"gender\":\"male\",\"birthDate\":\"1950-01-01\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"a\"} {\"resourceType\":\"Patient\",\"id\":\"b\"}",
                "\u000B"));
        Exports.write(export.resolve("Observation.000.ndjson.gz"), List.of("not json at all"));
        Files.writeString(export.resolve("manifest.json"), "{}");

        ScreeningSummary summary = Exports.screen(export, work.resolve("out"));
        JsonNode json = Exports.summary(work.resolve("out"));

        assertThat(summary.badLines()).isEqualTo(6);
        List<String> located = new ArrayList<>();
        json.path("badLines").path("lines").forEach(l ->
                located.add(l.path("file").asText() + ":" + l.path("line").asLong() + " " + l.path("code").asText()));
        assertThat(located).containsExactly(
                "Observation.000.ndjson.gz:1 LCC-S002",
                "Patient.000.ndjson:2 LCC-S002",
                "Patient.000.ndjson:4 LCC-S003",
                "Patient.000.ndjson:5 LCC-S004",
                "Patient.000.ndjson:6 LCC-S002",
                "Patient.000.ndjson:7 LCC-S002");
        assertThat(json.path("badLines").toString()).as("no content of a line is quoted").doesNotContain("cut-off", "not json at all");
        assertThat(summary.patientsRead()).isEqualTo(1);
        assertThat(json.path("files").path("other").toString()).isEqualTo("[\"manifest.json\"]");
        assertThat(json.path("files").path("ndjson").asLong()).isEqualTo(2);
    }

    /** A patient whose record the mapping rejects still gets its line: an error line, never dropped. */
    @Test
    void aRejectedPatient_getsAnErrorLineLocatedInTheExport() throws IOException {
        Path export = work.resolve("export");
        Exports.write(export.resolve("Patient.ndjson"), List.of(
                "{\"resourceType\":\"Patient\",\"id\":\"young\",\"gender\":\"male\",\"birthDate\":\"2015-01-01\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"twice\",\"gender\":\"male\",\"birthDate\":\"1950-01-01\"}",
                "{\"resourceType\":\"Patient\",\"id\":\"twice\",\"gender\":\"male\",\"birthDate\":\"1950-01-01\"}"));
        Exports.write(export.resolve("Observation.ndjson"), List.of(observation("o1", "Patient/young")
                .replace("\"2026-11-20\"", "\"yesterday\"")));

        ScreeningSummary summary = Exports.screen(export, work.resolve("out"));
        Map<String, String> results = Exports.results(work.resolve("out"));

        assertThat(summary.rejected()).isEqualTo(2);
        JsonNode young = Exports.JSON.readTree(results.get("young"));
        assertThat(young.path("error").path("code").asText()).isEqualTo("LCC-F005");
        assertThat(young.path("error").path("field").asText()).isEqualTo("Observation.ndjson:1:Observation.effectiveDateTime");
        JsonNode twice = Exports.JSON.readTree(results.get("twice"));
        assertThat(twice.path("error").path("code").asText()).isEqualTo("LCC-F003");
        assertThat(twice.path("error").path("field").asText()).isEqualTo("Patient.ndjson:3:Patient");
        assertThat(twice.path("patientId").asText()).isEqualTo("twice");
    }

    private static String observation(String id, String patientReference) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2823-3\"}]},"
                + "\"subject\":{\"reference\":\"" + patientReference + "\"},\"effectiveDateTime\":\"2026-11-20\","
                + "\"valueQuantity\":{\"value\":4.1,\"unit\":\"mmol/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mmol/L\"}}";
    }
}
