package org.legcrampcds.json;

import org.legcrampcds.model.ReadResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * Whatever a case file says, reading it ends in an accepted case or a rejection naming a field:
 * never another exception. Inputs are the example case with one field replaced by arbitrary JSON,
 * removed, or joined by an unknown key, and the example case cut off at an arbitrary character.
 */
@Tag("slow") // property test; jqwik's tag, which JUnit Platform filters like JUnit's (skipped by -Dquick)
class CaseReaderPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 1500)
    void anyMutation_isAcceptedOrRejectedWithAField(@ForAll("mutatedCases") String json) {
        ReadResult result = CaseReader.read(json, "mutated");
        if (result instanceof ReadResult.Rejected rejected) {
            assertThat(rejected.errors()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.field()).isNotBlank();
                assertThat(e.code()).matches("LCC-V\\d{3}");
                assertThat(e.reason()).isNotBlank().doesNotContain("\n");
            });
        }
    }

    @Provide
    Arbitrary<String> mutatedCases() {
        String example = TestCases.EXAMPLE;
        Arbitrary<String> truncated = Arbitraries.integers().between(0, example.length() - 1).map(n -> example.substring(0, n));
        Arbitrary<String> mutated = Arbitraries.integers().between(0, 10_000).flatMap(seed ->
                replacementValues().map(value -> mutate(example, seed, value)));
        return Arbitraries.oneOf(truncated, mutated, mutated, mutated);
    }

    private static Arbitrary<JsonNode> replacementValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
                Arbitraries.of("3.0", "3e1", "-1", "1e999999", "0.0000001", "12345678901234567890", "NaN-ish")
                        .map(CaseReaderPropertiesTest::numberOrText),
                Arbitraries.integers().between(-1000, 100_000).map(NODES::numberNode),
                Arbitraries.of((JsonNode) NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                        NODES.arrayNode().add("LEG_ITCH").add(7), NODES.textNode("µIU/mL"), NODES.textNode("CALCIUM")));
    }

    private static JsonNode numberOrText(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return NODES.textNode(text);
        }
    }

    /** Replaces (or removes, or adds beside) the field chosen by {@code seed} among all fields of the case. */
    private static String mutate(String json, int seed, JsonNode value) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            Slot slot = slots.get(seed % slots.size());
            switch (seed % 3) {
                case 0 -> slot.set(value);
                case 1 -> slot.remove();
                default -> {
                    if (slot.parent() instanceof ObjectNode object) {
                        object.set("unexpected", value);
                    } else {
                        slot.set(value);
                    }
                }
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Slot(JsonNode parent, String key, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
