package org.legcrampcds.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Urgency;

/**
 * An example case file with its {@code expect} block, marked {@code "exact": true}: the complete result worked out by hand from
 * the catalogue (findings after suppression, suppressed codes with what suppressed them, highest
 * urgency, and the partial-record fields {@code dataRequired}, {@code staleLabs} and
 * {@code recordComplete}, which default to a complete record's {@code []}, {@code []}, {@code true}),
 * plus the codes it exists to prove silent ({@code nearMissFor}) or withheld ({@code suppressedFor})
 * and the rule paths it proves do not happen ({@code nearMissForPath}, see {@link RulePath}).
 */
record ExampleCase(Path file, PatientCase patientCase, Set<String> present, Set<String> suppressed,
                   Map<String, Set<String>> suppressedBy, Urgency highestUrgency, JsonNode dataRequired,
                   JsonNode staleLabs, boolean recordComplete, Set<String> nearMissFor, Set<String> suppressedFor,
                   Set<String> nearMissForPath) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every case of {@code rules-examples/src/main/resources/cases}, by file name. */
    static List<ExampleCase> all() {
        return allIn(classpathFolder("cases"));
    }

    /** The project's own cases of a folder: each block must say {@code "exact": true}. */
    static List<ExampleCase> allIn(Path folder) {
        return allIn(folder, true);
    }

    /**
     * The specification's conformance copies: complete results by definition (interfaces.md section 1),
     * kept identical to the specification, so they are not asked to say {@code "exact": true}.
     */
    static List<ExampleCase> specifiedIn(Path folder) {
        return allIn(folder, false);
    }

    private static List<ExampleCase> allIn(Path folder, boolean mustSayExact) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(f -> read(f, mustSayExact)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExampleCase read(Path file, boolean mustSayExact) {
        try {
            JsonNode expect = JSON.readTree(file.toFile()).path("expect");
            if (expect.isMissingNode()) {
                throw new IllegalStateException(file + " has no expect block");
            }
            // The block is the complete result, and says so (interfaces.md section 2, 2.3): without
            // "exact": true, `check` would read it as a partial expectation, weaker than this suite.
            if (mustSayExact && (!expect.path("exact").isBoolean() || !expect.get("exact").booleanValue())) {
                throw new IllegalStateException(file + ": its expect block is compared as the complete result, so it must say \"exact\": true");
            }
            Map<String, Set<String>> suppressedBy = new TreeMap<>();
            expect.path("suppressedBy").properties().forEach(e -> suppressedBy.put(e.getKey(), strings(e.getValue())));
            return new ExampleCase(file, CaseReader.readCase(file), strings(expect.path("present")),
                    strings(expect.path("suppressed")), suppressedBy, Urgency.valueOf(expect.path("highestUrgency").asText()),
                    expect.has("dataRequired") ? expect.get("dataRequired") : JSON.createArrayNode(),
                    expect.has("staleLabs") ? expect.get("staleLabs") : JSON.createArrayNode(),
                    expect.path("recordComplete").asBoolean(true),
                    strings(expect.path("nearMissFor")), strings(expect.path("suppressedFor")),
                    strings(expect.path("nearMissForPath")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that an assessment is exactly the expected result: an extra finding fails like a missing one. */
    void assertMatches(Assessment result) {
        assertThat(new TreeSet<>(result.codes())).as(name() + " findings").containsExactlyElementsOf(present);
        assertThat(new TreeSet<>(result.suppressedCodes())).as(name() + " suppressed").containsExactlyElementsOf(suppressed);
        if (!suppressedBy.isEmpty()) {
            Map<String, Set<String>> actual = new TreeMap<>();
            result.suppressed().forEach(s -> actual.put(s.code(), new TreeSet<>(s.suppressedBy())));
            assertThat(actual).as(name() + " suppressedBy").isEqualTo(suppressedBy);
        }
        assertThat(result.highestUrgency()).as(name() + " highestUrgency").isEqualTo(highestUrgency);
        // The partial-record fields, compared in the result JSON's own form (interfaces.md section 3).
        JsonNode json = resultJson(result);
        assertThat(json.get("dataRequired")).as(name() + " dataRequired").isEqualTo(dataRequired);
        assertThat(json.get("staleLabs")).as(name() + " staleLabs").isEqualTo(staleLabs);
        assertThat(result.recordComplete()).as(name() + " recordComplete").isEqualTo(recordComplete);
    }

    private static JsonNode resultJson(Assessment result) {
        try {
            return JSON.readTree(AssessmentJson.toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return file.getFileName().toString();
    }

    @Override
    public String toString() {
        return name();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    static Path classpathFolder(String name) {
        URL url = ExampleCase.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no folder '" + name + "' on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
