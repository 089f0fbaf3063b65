package org.legcrampcds.conformance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes the safety report of the build, {@code rules-conformance/target/safety-report.md}: every
 * hazard of the log with its ratings, its controls and, per named test, where it is and its result
 * in this build, read from the surefire reports of every module ({@code MODULE/target/surefire-reports*}).
 * It runs in its own surefire execution after this module's other tests (pom.xml), so that the
 * results of the whole reactor are there; a test with no report (a build that skipped it) is shown
 * as not run, never as passed. The report fails the build when the log has a problem or a named test
 * failed.
 */
class SafetyReportTest {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Test
    void writesTheSafetyReport_withEveryHazardItsControlsAndTheResultOfTheirTests() throws IOException {
        Path repository = HazardLogTest.repository();
        HazardLog log = HazardLogTest.read();
        SourceTests sources = new SourceTests(repository);
        List<String> problems = HazardLogCheck.problems(log, sources, HazardLogTest.ruleIds(), HazardLogTest.diagnosticCodes());
        Map<String, Result> results = surefireResults(repository);

        StringBuilder report = new StringBuilder();
        report.append("# Safety report\n\n")
                .append("Hazard log: docs/safety/hazard-log.md, ").append(log.version()).append(". Written ")
                .append(WHEN.format(Instant.now())).append(".\n\n")
                .append("Clinical ratings: as the log gives them (\"").append(HazardLog.AWAITING).append("\" until a clinician rates them).\n\n");
        report.append(problems.isEmpty() ? "Traceability: every hazard has a control; every control names a test that exists and runs.\n"
                : "Traceability problems:\n" + String.join("\n", problems.stream().map(p -> "- " + p).toList()) + "\n");
        List<String> failed = new ArrayList<>();
        int notRun = 0;
        for (HazardLog.Hazard hazard : log.hazards()) {
            report.append("\n## ").append(hazard.id()).append(' ').append(hazard.title()).append("\n\n")
                    .append("- Hazard: ").append(hazard.field("Hazard")).append('\n')
                    .append("- Initial risk: ").append(hazard.field("Initial risk")).append('\n')
                    .append("- Residual risk: ").append(hazard.field("Residual risk")).append('\n')
                    .append("- Open: ").append(hazard.field("Open")).append('\n')
                    .append("\n| Control | Evidence | Result in this build |\n|---|---|---|\n");
            for (HazardLog.Control control : hazard.controls()) {
                String what = control.text().replaceAll("`[^`]*`,?\\s*", "").replaceAll("[:\\s]+$", "").replace("|", "\\|");
                for (String rule : control.rules()) {
                    report.append("| ").append(what).append(" | rule `").append(rule).append("` | in the built-in rule base |\n");
                }
                for (String check : control.checks()) {
                    report.append("| ").append(what).append(" | check `").append(check).append("` | documented in docs/diagnostics.md |\n");
                }
                for (String test : control.tests()) {
                    Result result = results.get(test);
                    String shown;
                    if (result == null) {
                        shown = "not run in this build";
                        notRun++;
                    } else {
                        shown = result.describe();
                        if (result.failed() > 0) {
                            failed.add(hazard.id() + ": " + test);
                        }
                    }
                    report.append("| ").append(what).append(" | test `").append(test).append("` (")
                            .append(sources.lookup(test).detail()).append(") | ").append(shown).append(" |\n");
                }
            }
        }
        report.append("\n").append(log.hazards().size()).append(" hazards; ").append(failed.size()).append(" named test(s) failed; ")
                .append(notRun).append(" named test(s) not run in this build.\n");
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("safety-report.md"), report, StandardCharsets.UTF_8);

        assertThat(problems).as("problems of the hazard log").isEmpty();
        assertThat(failed).as("tests named by the hazard log that failed in this build").isEmpty();
    }

    /**
     * The result of one named test across its runs in this build (a parameterised test or property
     * runs several times; a test run in two surefire executions counts in both).
     */
    record Result(int passed, int failed, int skipped, Instant when) {

        String describe() {
            String outcome = failed > 0 ? "FAILED (" + failed + " of " + (passed + failed + skipped) + ")"
                    : passed > 0 ? "passed" + (passed > 1 ? " (" + passed + " runs)" : "") : "skipped";
            return outcome + ", " + WHEN.format(when);
        }

        Result plus(Result other) {
            return new Result(passed + other.passed, failed + other.failed, skipped + other.skipped,
                    when.isAfter(other.when) ? when : other.when);
        }
    }

    /** Every test case of every surefire report under {@code MODULE/target/surefire-reports*}, by {@code class#method}. */
    static Map<String, Result> surefireResults(Path repository) throws IOException {
        Map<String, Result> results = new HashMap<>();
        List<Path> reports;
        try (Stream<Path> modules = Files.list(repository)) {
            reports = modules.map(m -> m.resolve("target")).filter(Files::isDirectory).flatMap(SafetyReportTest::list)
                    .filter(d -> d.getFileName().toString().startsWith("surefire-reports") && Files.isDirectory(d))
                    .flatMap(SafetyReportTest::list)
                    .filter(f -> f.getFileName().toString().startsWith("TEST-") && f.getFileName().toString().endsWith(".xml"))
                    .toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path file : reports) {
            Document xml;
            try {
                xml = factory.newDocumentBuilder().parse(file.toFile());
            } catch (Exception e) {
                continue;   // A report being written, or not surefire's: it proves nothing.
            }
            Instant when = Files.getLastModifiedTime(file).toInstant();
            NodeList cases = xml.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                String name = testCase.getAttribute("name");
                int cut = name.length();
                for (char c : new char[] {'(', '[', '{', ' '}) {
                    int at = name.indexOf(c);
                    if (at > 0 && at < cut) {
                        cut = at;
                    }
                }
                String key = testCase.getAttribute("classname") + "#" + name.substring(0, cut);
                boolean failed = testCase.getElementsByTagName("failure").getLength() > 0
                        || testCase.getElementsByTagName("error").getLength() > 0;
                boolean skipped = testCase.getElementsByTagName("skipped").getLength() > 0;
                Result one = new Result(failed || skipped ? 0 : 1, failed ? 1 : 0, skipped && !failed ? 1 : 0, when);
                results.merge(key, one, Result::plus);
            }
        }
        return results;
    }

    private static Stream<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
