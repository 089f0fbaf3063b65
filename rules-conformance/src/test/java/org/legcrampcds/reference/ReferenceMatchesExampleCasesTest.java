package org.legcrampcds.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A second, independent check of the hand-worked expectations of the example cases (and the golden
 * patients): the reference evaluator, written from the catalogue alone, must give every one of them
 * exactly, {@code dataRequired}, {@code staleLabs} and {@code recordComplete} included (a case
 * without them expects a complete record's {@code []}, {@code []}, {@code true}).
 */
class ReferenceMatchesExampleCasesTest {

    static List<Path> cases() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("cases", "golden")) {
            try (Stream<Path> files = Files.list(ReferenceConformanceTest.classpathFolder(folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(all::add);
            }
        }
        assertThat(all).isNotEmpty();
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReferenceGivesTheHandWorkedResult(Path file) throws IOException {
        JsonNode doc = ReferenceEvaluator.parse(Files.readString(file));
        JsonNode expect = doc.get("expect");
        ReferenceResult r = ReferenceEvaluator.evaluate(doc);

        assertThat(new TreeSet<>(r.findings())).as("present").isEqualTo(new TreeSet<>(ReferenceConformanceTest.strings(expect.get("present"))));
        assertThat(r.suppressed().keySet()).as("suppressed")
                .isEqualTo(new TreeSet<>(ReferenceConformanceTest.strings(expect.get("suppressed"))));
        expect.path("suppressedBy").fields().forEachRemaining(e -> assertThat(r.suppressed().get(e.getKey()))
                .as("suppressedBy " + e.getKey()).isEqualTo(ReferenceConformanceTest.strings(e.getValue())));
        assertThat(r.highestUrgency()).as("highestUrgency").isEqualTo(expect.get("highestUrgency").textValue());
        List<DataRequired> dataRequired = new ArrayList<>();
        expect.path("dataRequired").forEach(d -> dataRequired.add(
                new DataRequired(d.get("input").textValue(), ReferenceConformanceTest.strings(d.get("for")))));
        assertThat(r.dataRequired()).as("dataRequired").isEqualTo(dataRequired);
        List<StaleLab> staleLabs = new ArrayList<>();
        expect.path("staleLabs").forEach(d -> staleLabs.add(
                new StaleLab(d.get("test").textValue(), d.get("daysSinceTaken").intValue(), d.get("maxDays").intValue())));
        assertThat(r.staleLabs()).as("staleLabs").isEqualTo(staleLabs);
        assertThat(r.recordComplete()).as("recordComplete").isEqualTo(expect.path("recordComplete").asBoolean(true));
    }
}
