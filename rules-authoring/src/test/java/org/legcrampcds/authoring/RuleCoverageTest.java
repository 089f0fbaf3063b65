package org.legcrampcds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.Engines;

/** Rule coverage over fixtures it has never seen: counts, never-fired rules, codes and near misses. */
class RuleCoverageTest {

    @TempDir
    Path dir;

    @Test
    void countsEachRuleOncePerCaseThatFiredIt() throws IOException {
        write("low-1", "3.2", "{\"present\": [\"CAUSE_HYPOKALAEMIA\"]}");
        write("low-2", "3.1", "{\"present\": [\"CAUSE_HYPOKALAEMIA\"]}");
        write("normal", "4.2", "{\"absent\": [\"CAUSE_HYPOKALAEMIA\"]}");
        RuleCoverage coverage = RuleCoverage.measure(FixtureCheck.of(List.of(dir)).fixtures(), Engines.builtIn());

        assertThat(coverage.casesAssessed()).isEqualTo(3);
        assertThat(count(coverage, "DRV-K-LOW")).isEqualTo(2);
        assertThat(count(coverage, "CAUSE-AGE-01")).isEqualTo(3);
        assertThat(coverage.neverFired()).extracting(r -> r.id()).contains("RF-DVT-01").doesNotContain("DRV-K-LOW");
        assertThat(coverage.codesNeverProduced()).contains("RF_DVT_SUSPECTED").doesNotContain("CAUSE_HYPOKALAEMIA");
        assertThat(coverage.codesWithoutNearMiss()).doesNotContain("CAUSE_HYPOKALAEMIA").contains("CAUSE_AGE");
        assertThat(coverage.percentOfRulesFired()).isBetween(1.0, 99.0);
        assertThat(coverage.rules()).hasSameSizeAs(Engines.builtIn().rules());
    }

    @Test
    void aNearMissThatFires_isNoNearMiss() throws IOException {
        write("claims-absent", "3.2", "{\"absent\": [\"CAUSE_HYPOKALAEMIA\"]}");
        RuleCoverage coverage = RuleCoverage.measure(FixtureCheck.of(List.of(dir)).fixtures(), Engines.builtIn());
        assertThat(coverage.codesWithoutNearMiss()).contains("CAUSE_HYPOKALAEMIA");
    }

    private static int count(RuleCoverage coverage, String ruleId) {
        return coverage.rules().stream().filter(r -> r.rule().id().equals(ruleId)).findFirst().orElseThrow().cases();
    }

    private void write(String name, String potassium, String expect) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), FixtureCheckTest.CASE.formatted(name, potassium, expect));
    }
}
