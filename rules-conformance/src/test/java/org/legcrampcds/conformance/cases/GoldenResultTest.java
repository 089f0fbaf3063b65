package org.legcrampcds.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.model.Assessment;

/**
 * Whole-result golden tests for four representative patients: any change to wording, evidence,
 * sources, order or suppression shows as a diff of {@code golden/results/<case>.json} in review.
 * After a deliberate change, regenerate with {@code -Dgolden.update=true} and review the diff.
 * The rule-base hash is left out of the comparison, so that a change elsewhere in the rule base
 * does not touch every golden file; the findings themselves are compared in full. Reviewed results
 * live in {@code golden/results/}, beside the cases.
 */
class GoldenResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE_RESULTS = Path.of("src/test/resources/golden/results");

    static List<ExampleCase> cases() {
        return ExampleCase.allIn(ExampleCase.classpathFolder("golden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wholeResultMatchesTheReviewedGoldenFile(ExampleCase golden) throws IOException {
        Assessment result = Engines.builtIn().assess(golden.patientCase());
        golden.assertMatches(result);

        String actual = pretty(AssessmentJson.toJson(result));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SOURCE_RESULTS.resolve(golden.name()), actual, StandardCharsets.UTF_8);
            return;
        }
        Path expectedFile = golden.file().resolveSibling("results").resolve(golden.name());
        assertThat(expectedFile).as("reviewed result (create with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    private static String pretty(String jsonLine) throws IOException {
        JsonNode node = JSON.readTree(jsonLine);
        ((ObjectNode) node).put("rulesetVersion", "(compared elsewhere)");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }
}
