package org.legcrampcds.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a census of the condition, medication and lab codes of the population that the mapping
 * reported as {@code no-mapping} ({@code target/no-mapping-census.tsv}: type, system, code, display,
 * patients), and none of them is a code of a value set that defines a catalogue concept (the
 * snapshots in {@code src/test/resources/snapshots}, see its README): such a code would be a
 * diabetic, a statin or a potassium that the tables miss.
 */
class NoMappingCensusTest {

    private static final Set<String> CENSUSED = Set.of("Condition", "MedicationStatement", "MedicationRequest", "Observation");
    private static final String SNAPSHOTS = "/snapshots/";

    @Test
    void noCodeReportedAsNoMapping_isInAValueSetOfACatalogueConcept() throws IOException {
        Map<String, Census> census = census();
        Path file = Screenings.target().resolve("no-mapping-census.tsv");
        List<String> lines = new ArrayList<>();
        lines.add("type\tsystem\tcode\tdisplay\tpatients");
        census.values().stream().sorted((a, b) -> b.patients.size() != a.patients.size()
                        ? b.patients.size() - a.patients.size() : a.key().compareTo(b.key()))
                .forEach(c -> lines.add(c.type + "\t" + c.system + "\t" + c.code + "\t" + c.display + "\t" + c.patients.size()));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(census).as("the population has codes the tables do not map (see " + file + ")").isNotEmpty();

        Map<String, String> concepts = valueSetCodes();
        List<String> inAConcept = new ArrayList<>();
        census.values().forEach(c -> {
            String valueSet = concepts.get(c.system + "|" + c.code);
            if (valueSet != null) {
                inAConcept.add(c.type + " " + c.system + "|" + c.code + " '" + c.display + "' is in " + valueSet);
            }
        });
        assertThat(inAConcept).as("no-mapping codes that a catalogue concept's value set holds").isEmpty();
    }

    @Test
    void theSnapshots_areTheCopiesTheirReadmeDescribes() throws IOException, NoSuchAlgorithmException {
        List<String> sums = lines(SNAPSHOTS + "SHA256SUMS");
        assertThat(sums).isNotEmpty();
        for (String line : sums) {
            String[] parts = line.split("\\s+", 2);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            assertThat(HexFormat.of().formatHex(sha.digest(bytes(SNAPSHOTS + parts[1])))).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    /** Per distinct coding: the patients whose result reports a resource of it as {@code no-mapping}. */
    private static Map<String, Census> census() {
        Map<String, Census> census = new TreeMap<>();
        for (Population.Patient patient : Population.patients()) {
            Set<String> noMapping = new java.util.HashSet<>();
            Population.cli().get(patient.caseId()).path("unmapped").forEach(u -> {
                if (u.path("reason").asText().equals("no-mapping")) {
                    noMapping.add(u.path("resource").asText());
                }
            });
            for (ObjectNode resource : Population.asOnTheServer(patient.bundle())) {
                String type = resource.path("resourceType").asText();
                if (!CENSUSED.contains(type) || !noMapping.contains(type + "/" + resource.path("id").asText())) {
                    continue;
                }
                JsonNode concept = type.startsWith("Medication") ? resource.path("medicationCodeableConcept") : resource.path("code");
                for (JsonNode coding : concept.path("coding")) {
                    Census c = new Census(type, coding.path("system").asText(), coding.path("code").asText(),
                            coding.path("display").asText());
                    census.computeIfAbsent(c.key(), k -> c).patients.add(patient.caseId());
                }
            }
        }
        return census;
    }

    private record Census(String type, String system, String code, String display, Set<String> patients) {
        Census(String type, String system, String code, String display) {
            this(type, system, code, display, new java.util.TreeSet<>());
        }

        String key() {
            return type + "|" + system + "|" + code;
        }
    }

    /** {@code system|code} -> the snapshot file that holds it, from every value set's expansion and enumerated concepts. */
    private static Map<String, String> valueSetCodes() throws IOException {
        FhirContext fhir = FhirContext.forR4Cached();
        Map<String, String> codes = new HashMap<>();
        for (String line : lines(SNAPSHOTS + "SHA256SUMS")) {
            String name = line.split("\\s+", 2)[1];
            IParser parser = name.endsWith(".xml") ? fhir.newXmlParser() : fhir.newJsonParser();
            ValueSet valueSet = parser.parseResource(ValueSet.class, new String(bytes(SNAPSHOTS + name), StandardCharsets.UTF_8));
            addContains(valueSet.getExpansion().getContains(), name, codes);
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                include.getConcept().forEach(c -> codes.putIfAbsent(include.getSystem() + "|" + c.getCode(), name));
            }
        }
        assertThat(codes).as("codes in the snapshots").hasSizeGreaterThan(100);
        return codes;
    }

    private static void addContains(List<ValueSet.ValueSetExpansionContainsComponent> contains, String name, Map<String, String> codes) {
        for (ValueSet.ValueSetExpansionContainsComponent c : contains) {
            if (c.hasCode()) {
                codes.putIfAbsent(c.getSystem() + "|" + c.getCode(), name);
            }
            addContains(c.getContains(), name, codes);
        }
    }

    private static List<String> lines(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Objects.requireNonNull(NoMappingCensusTest.class.getResourceAsStream(resource), resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
