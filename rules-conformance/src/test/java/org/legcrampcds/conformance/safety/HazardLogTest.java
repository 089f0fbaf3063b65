package org.legcrampcds.conformance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleInfo;

/**
 * The hazard log (docs/safety/hazard-log.md) is traceable: every hazard has its fields and a
 * control, every control names a test that exists and runs, every named rule and check exists, no
 * clinical rating is invented, and the log covers the hazards issue 20 and the catalogue's §8 name.
 */
class HazardLogTest {

    /** The hazards issue 20 asks the log to cover, as the log's Source field names them. */
    static final List<String> ISSUE_20 = List.of("issue-20:not-recorded", "issue-20:unit", "issue-20:stale-lab",
            "issue-20:rule-edit", "issue-20:other-patient", "issue-20:implausible");
    /** The rows of the clinical catalogue's §8 table (what the seeds get wrong or make unsafe). */
    static final int CATALOGUE_8_ROWS = 16;

    private static final Pattern SECTION_8 = Pattern.compile("§8\\.(\\d+)");

    @Test
    void theLog_hasNoProblem_everyControlNamesATestThatExistsAndRuns() throws IOException {
        HazardLog log = read();

        assertThat(HazardLogCheck.problems(log, new SourceTests(repository()), ruleIds(), diagnosticCodes())).isEmpty();
        assertThat(log.version()).startsWith("Version ");
    }

    @Test
    void theLog_coversTheHazardsOfIssue20_andEveryRowOfCatalogue8() throws IOException {
        HazardLog log = read();
        String sources = log.hazards().stream().map(h -> h.field("Source")).collect(Collectors.joining(" "));

        assertThat(ISSUE_20).allSatisfy(kind -> assertThat(sources).contains(kind));
        Set<Integer> rows = new TreeSet<>();
        Matcher m = SECTION_8.matcher(sources);
        while (m.find()) {
            rows.add(Integer.parseInt(m.group(1)));
        }
        assertThat(rows).containsExactlyElementsOf(IntStream.rangeClosed(1, CATALOGUE_8_ROWS).boxed().toList());
    }

    @Test
    void everyClinicalRating_awaitsSignOff() throws IOException {
        assertThat(read().hazards()).allSatisfy(h -> {
            assertThat(h.field("Initial risk")).isEqualTo(HazardLog.AWAITING);
            assertThat(h.field("Residual risk")).isEqualTo(HazardLog.AWAITING);
        });
    }

    static HazardLog read() throws IOException {
        return HazardLog.parse(Files.readString(repository().resolve("docs/safety/hazard-log.md"), StandardCharsets.UTF_8));
    }

    static Path repository() {
        String root = System.getProperty("legcrampcds.repository");
        if (root == null) {
            throw new IllegalStateException("system property legcrampcds.repository is set by rules-conformance/pom.xml");
        }
        return Path.of(root);
    }

    static Set<String> ruleIds() {
        return RuleBase.builtIn().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    }

    /** The codes docs/diagnostics.md explains, each under its own {@code ### CODE title} heading. */
    static Set<String> diagnosticCodes() throws IOException {
        return Pattern.compile("(?m)^### (LCC-[A-Z]\\d{3}) ")
                .matcher(Files.readString(repository().resolve("docs/diagnostics.md"), StandardCharsets.UTF_8))
                .results().map(r -> r.group(1)).collect(Collectors.toSet());
    }
}
