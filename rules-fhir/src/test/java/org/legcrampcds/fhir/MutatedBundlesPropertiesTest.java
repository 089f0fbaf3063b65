package org.legcrampcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;

import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.InvalidCaseException;

/**
 * Whatever an EHR sends, the mapping ends in a case or in a rejection that names a field and a
 * code: never another exception. Inputs are the example Bundles with one element replaced by
 * arbitrary JSON, removed, joined by an unknown element, or cut off at an arbitrary character.
 */
@Tag("slow") // property test; jqwik's tag, which JUnit Platform filters like JUnit's (skipped by -Dquick)
class MutatedBundlesPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final FhirCaseMapper MAPPER = FhirCaseMapper.create();
    private static final List<String> BUNDLES = Fixtures.files("bundles", ".bundle.json").stream().map(Fixtures::read).toList();

    @Property(tries = 600)
    void anyMutation_isMappedOrRejectedWithAFieldAndCode(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String original = BUNDLES.get(random.nextInt(BUNDLES.size()));
        String mutated = random.nextInt(8) == 0
                ? original.substring(0, random.nextInt(original.length()))
                : JSON.writeValueAsString(mutate(JSON.readTree(original), random));
        try {
            ReadResult.Accepted mapping = Mapped.accepted(MAPPER.read(mutated, LocalDate.of(2026, 12, 1), "mutated", "test"));
            assertThat(mapping.patientCase()).isNotNull();
        } catch (InvalidCaseException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.field()).isNotBlank();
                assertThat(error.code()).matches("LCC-[VF]\\d{3}");
                assertThat(error.reason()).isNotBlank().doesNotContain("\n");
            });
        }
    }

    /** Changes one node of the tree, chosen at random. */
    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, arbitrary(random));
                default -> object.set("unknownElement" + random.nextInt(10), arbitrary(random));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            if (random.nextBoolean()) {
                array.remove(index);
            } else {
                array.set(index, arbitrary(random));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }

    private static JsonNode arbitrary(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("yesterday");
            case 2 -> NODES.textNode("1959-13-45");
            case 3 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e999"));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.arrayNode().add("x");
            case 7 -> NODES.objectNode().put("resourceType", "Patient").put("birthDate", "2000-01-01");
            default -> JSON.valueToTree(Map.of("system", "http://loinc.org", "code", "2823-3"));
        };
    }
}
