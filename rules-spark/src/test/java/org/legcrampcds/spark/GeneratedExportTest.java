package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated export of a few thousand patients, made of the example Bundles of rules-fhir (valid
 * records and rejected ones) with fresh ids: every patient's line is the command line's line for
 * the same patient's Bundle plus {@code patientId}, and the summary counts what the lines say.
 */
@Tag("slow") // runs Spark (skipped by -Dquick)
class GeneratedExportTest {

    private static final int PATIENTS = 2000;

    @TempDir
    static Path work;

    private static ExportGenerator generator;
    private static Map<String, String> results;
    private static Map<String, String> cli;
    private static JsonNode summary;

    @BeforeAll
    static void screenAndAssess() throws IOException {
        List<String> templates = new ArrayList<>(ExportGenerator.templatesIn(Exports.fixtures("fixtures.bundles")));
        templates.addAll(ExportGenerator.templatesIn(Exports.fixtures("fixtures.badBundles")));
        generator = ExportGenerator.of(templates);
        Path export = work.resolve("export");
        generator.write(PATIENTS, export, 3, false);
        Exports.screen(export, work.resolve("out"));
        results = Exports.results(work.resolve("out"));
        summary = Exports.summary(work.resolve("out"));

        // The same patients as one Bundle file each, for the command line: the resources the job reads
        // (the seven types of interfaces.md §6; others are ignored and counted), in the job's Bundle order.
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        for (int n = 0; n < PATIENTS; n++) {
            Files.writeString(bundles.resolve(ExportGenerator.patientId(n) + ".json"), bundleAsTheJobReadsIt(n),
                    StandardCharsets.UTF_8);
        }
        cli = Exports.assess(bundles);
    }

    private static String bundleAsTheJobReadsIt(int n) {
        List<ObjectNode> read = new ArrayList<>(generator.resources(n).stream()
                .filter(r -> ExportFileReader.READ_TYPES.contains(r.path("resourceType").asText())).toList());
        read.sort(Comparator.comparingInt(r -> PatientScreening.TYPE_ORDER.indexOf(r.path("resourceType").asText())));
        ObjectNode bundle = Exports.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        read.forEach(r -> bundle.withArray("entry").addObject().set("resource", r));
        return bundle.toString();
    }

    @Test
    void everyPatient_hasOneLine_equalToTheCommandLinesLinePlusPatientId() throws IOException {
        assertThat(results).hasSize(PATIENTS);
        assertThat(cli).hasSize(PATIENTS);
        int rejected = 0;
        for (int n = 0; n < PATIENTS; n++) {
            String id = ExportGenerator.patientId(n);
            String expected = cli.get(id);
            if (Exports.JSON.readTree(expected).has("error")) {
                rejected++;
                assertSameRejection(n, results.get(id), expected);
            } else {
                assertThat(results.get(id)).as(id).isEqualTo(Exports.withPatientId(expected, id));
            }
        }
        assertThat(rejected).as("the bad example Bundles give rejected patients").isPositive();
    }

    /** The same errors, located in the export ({@code file:line:Type...}) instead of the Bundle ({@code Bundle.entry[i].resource...}). */
    private static void assertSameRejection(int n, String line, String cliLine) throws IOException {
        JsonNode job = Exports.JSON.readTree(line);
        JsonNode expected = Exports.JSON.readTree(cliLine);
        assertThat(job.path("patientId").asText()).isEqualTo(ExportGenerator.patientId(n));
        assertThat(job.path("caseId").asText()).isEqualTo(expected.path("caseId").asText());
        JsonNode bundle = Exports.JSON.readTree(bundleAsTheJobReadsIt(n));
        assertThat(job.path("errors")).hasSameSizeAs(expected.path("errors"));
        for (int i = 0; i < expected.path("errors").size(); i++) {
            JsonNode want = expected.path("errors").get(i);
            JsonNode got = job.path("errors").get(i);
            assertThat(got.path("code").asText()).isEqualTo(want.path("code").asText());
            assertThat(got.path("reason").asText()).isEqualTo(want.path("reason").asText());
            var entry = java.util.regex.Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource(.*)$").matcher(want.path("field").asText());
            if (entry.matches()) {
                String type = bundle.path("entry").get(Integer.parseInt(entry.group(1))).path("resource").path("resourceType").asText();
                assertThat(got.path("field").asText()).matches("^" + type + "\\.\\d{3}\\.ndjson:\\d+:" + type
                        + java.util.regex.Pattern.quote(entry.group(2)) + "$");
            } else {
                assertThat(got.path("field").asText()).isEqualTo(want.path("field").asText());
            }
        }
    }

    @Test
    void theSummary_countsWhatTheLinesSay() throws IOException {
        Map<String, Long> findings = new TreeMap<>();
        Map<String, Long> urgencies = new TreeMap<>();
        long assessed = 0;
        for (String line : results.values()) {
            JsonNode result = Exports.JSON.readTree(line);
            if (result.has("error")) {
                continue;
            }
            assessed++;
            urgencies.merge(result.path("highestUrgency").asText(), 1L, Long::sum);
            List<String> codes = new ArrayList<>();
            result.path("findings").forEach(f -> codes.add(f.path("code").asText()));
            codes.stream().distinct().forEach(code -> findings.merge(code, 1L, Long::sum));
        }
        assertThat(summary.path("patients").path("read").asLong()).isEqualTo(PATIENTS);
        assertThat(summary.path("patients").path("assessed").asLong()).isEqualTo(assessed);
        assertThat(summary.path("patients").path("rejected").asLong()).isEqualTo(PATIENTS - assessed);
        assertThat(Exports.JSON.convertValue(summary.path("findings"), Map.class)).isEqualTo(asInts(findings));
        assertThat(Exports.JSON.convertValue(summary.path("highestUrgency"), Map.class)).isEqualTo(asInts(urgencies));
        assertThat(summary.path("badLines").path("count").asLong()).isZero();
        assertThat(summary.path("patientNotInExport").path("patients").asLong()).isZero();
        assertThat(summary.path("rulesetVersions")).hasSize(1);
    }

    @Test
    void theSummary_countsResourcesPerType_readUsedAndUnmapped() throws IOException {
        Map<String, Long> read = new TreeMap<>();
        Map<String, Long> ignored = new TreeMap<>();
        for (int n = 0; n < PATIENTS; n++) {
            for (ObjectNode r : generator.resources(n)) {
                String type = r.path("resourceType").asText();
                (ExportFileReader.READ_TYPES.contains(type) ? read : ignored).merge(type, 1L, Long::sum);
            }
        }
        Map<String, Long> unmapped = new HashMap<>();
        for (String line : results.values()) {
            JsonNode result = Exports.JSON.readTree(line);
            result.path("unmapped").findValuesAsText("resource").stream().distinct()
                    .filter(resource -> !isOnlyAClassConflict(result, resource))
                    .forEach(resource -> unmapped.merge(resource.substring(0, resource.indexOf('/')), 1L, Long::sum));
        }
        JsonNode resources = summary.path("resources");
        assertThat(resources.size()).isEqualTo(read.size());
        read.forEach((type, count) -> {
            JsonNode counts = resources.path(type);
            assertThat(counts.path("read").asLong()).as(type).isEqualTo(count);
            assertThat(counts.path("unmapped").asLong()).as(type).isEqualTo(unmapped.getOrDefault(type, 0L));
            assertThat(counts.path("used").asLong() + counts.path("unmapped").asLong()
                    + counts.path("ofRejectedPatients").asLong()).as(type).isEqualTo(count);
        });
        assertThat(Exports.JSON.convertValue(summary.path("ignoredTypes"), Map.class)).isEqualTo(asInts(ignored));
    }

    private static boolean isOnlyAClassConflict(JsonNode result, String resource) {
        for (JsonNode u : result.path("unmapped")) {
            if (u.path("resource").asText().equals(resource) && !"class-conflict".equals(u.path("reason").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Jackson reads small counts back as Integers. */
    private static Map<String, Integer> asInts(Map<String, Long> counts) {
        Map<String, Integer> ints = new TreeMap<>();
        counts.forEach((k, v) -> ints.put(k, v.intValue()));
        return ints;
    }
}
