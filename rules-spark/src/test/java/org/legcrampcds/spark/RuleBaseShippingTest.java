package org.legcrampcds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleSource;

/**
 * {@code --rules DIR}: the driver reads the files once and ships their texts; every executor builds
 * that rule base once and every line names the same {@code rulesetVersion}.
 */
@Tag("slow") // runs Spark (skipped by -Dquick)
class RuleBaseShippingTest {

    @TempDir
    static Path work;

    private static Path export;

    @BeforeAll
    static void anExport() throws IOException {
        export = work.resolve("export");
        ExportGenerator.of(ExportGenerator.templatesIn(Exports.fixtures("fixtures.bundles"))).write(60, export, 3, true);
    }

    private static Path copyOfTheBuiltInRules(String name) throws IOException {
        Path copy = Files.createDirectories(work.resolve(name));
        RuleSource.builtIn().writeTo(copy);
        return copy;
    }

    private static ScreeningSummary screen(Path rules, Path out) {
        return ScreeningJob.builder().input(export.toString()).output(out.toString()).asOf(Exports.AS_OF)
                .rulesFrom(rules).build().run(LocalSpark.get());
    }

    @Test
    void anUnchangedCopy_givesTheBuiltInVersionAndResults() throws IOException {
        Path out = work.resolve("copy-out");
        screen(copyOfTheBuiltInRules("copy"), out);
        Exports.screen(export, work.resolve("built-in-out"));
        assertThat(Exports.results(out)).isEqualTo(Exports.results(work.resolve("built-in-out")));
    }

    @Test
    void aChangedRuleBase_isBuiltOncePerJvm_andEveryLineNamesItsVersion() throws IOException {
        Path rules = copyOfTheBuiltInRules("changed");
        Path texts;
        try (Stream<Path> files = Files.list(rules)) {
            texts = files.filter(f -> f.getFileName().toString().endsWith(".properties")).findFirst().orElseThrow();
        }
        Files.writeString(texts, Files.readString(texts, StandardCharsets.UTF_8) + "\n# a reviewer's note\n", StandardCharsets.UTF_8);
        String version = CrampAssessor.builder().rulesFrom(rules).build().rulesetVersion();
        assertThat(version).isNotEqualTo(CrampAssessor.builder().build().rulesetVersion());

        Path out = work.resolve("changed-out");
        ScreeningSummary summary = screen(rules, out);

        Map<String, String> results = Exports.results(out);
        assertThat(results).hasSize(60);
        for (String line : results.values()) {
            assertThat(Exports.JSON.readTree(line).path("rulesetVersion").asText()).isEqualTo(version);
        }
        JsonNode json = Exports.summary(out);
        assertThat(json.path("rulesetVersions").toString()).isEqualTo("[\"" + version + "\"]");
        assertThat(AssessorHolder.builds(RuleSpec.directory(rules))).as("one build for the driver and the local executor").isEqualTo(1);
        assertThat(summary.assessed()).isEqualTo(60);
    }

    @Test
    void theBuiltInRuleBase_isBuiltOncePerJvm_whateverTheTasks() {
        Exports.screen(export, work.resolve("once-out"));
        Exports.screen(export, work.resolve("twice-out"));
        assertThat(AssessorHolder.builds(RuleSpec.builtIn())).isEqualTo(1);
    }
}
