package org.legcrampcds.conformance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.cli.LegCrampCli;

/**
 * docs/rule-authoring.md runs as written: every {@code bash} block, in order, in a fresh folder,
 * with the command-line jar replaced by the same main class on the test classpath; a command marked
 * {@code # exit status N} must exit N, every other command 0. The output it shows for the broken
 * copy is the output {@code validate} gives, and every line of the {@code impact} excerpt it shows is
 * a line {@code impact} prints.
 */
@Tag("slow") // compiles and runs the documentation's programs in JVMs (skipped by -Dquick)
class RuleAuthoringDocTest {

    private static final Path DOC = Repository.file("docs", "rule-authoring.md");
    private static final String JAR = "java -jar rules-cli/target/leg-cramp-cds.jar";
    private static final Pattern EXPECTED_EXIT = Pattern.compile("^(.*?)\\s+# exit status (\\d+)$");

    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheGuide_runsAndExitsAsItSays() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder("set -eu\nlcc() { java -cp \"$LCC_CLASSPATH\" " + LegCrampCli.class.getName() + " \"$@\"; }\n");
        List<String> blocks = blocks(doc, "bash");
        assertThat(blocks).as("bash blocks of the guide").hasSizeGreaterThanOrEqualTo(6);
        int expectedFailures = 0;
        for (String block : blocks) {
            for (String line : block.split("\n", -1)) {
                String command = line.replace(JAR, "lcc");
                Matcher m = EXPECTED_EXIT.matcher(command);
                if (m.matches()) {
                    expectedFailures++;
                    command = "s=0; " + m.group(1) + " >/dev/null 2>&1 || s=$?; [ \"$s\" -eq " + m.group(2)
                            + " ] || { echo \"expected exit " + m.group(2) + ", got $s: " + m.group(1).replace("\"", "'") + "\" >&2; exit 99; }";
                }
                script.append(command).append('\n');
            }
        }
        assertThat(expectedFailures).as("commands the guide expects to fail").isGreaterThanOrEqualTo(4);
        Path link = Files.createSymbolicLink(dir.resolve("rules-examples"), Repository.file("rules-examples"));
        try {
            runGuide(script.toString(), doc);
        } finally {
            Files.delete(link);   // Removed by hand: JUnit warns about links out of its temp dir.
        }
    }

    private void runGuide(String script, String doc) throws Exception {
        Path scriptFile = dir.resolve("guide.sh");
        Files.writeString(scriptFile, script);

        ProcessBuilder bash = new ProcessBuilder("bash", scriptFile.toString()).directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().put("LCC_CLASSPATH", System.getProperty("java.class.path"));
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        assertThat(dir.resolve("coverage.html")).exists();
        assertThat(dir.resolve("my-rules/tests/lithium-with-sodium.near-miss.json")).exists();
        List<String> shown = blocks(doc, "text");
        assertThat(validate(dir.resolve("broken-rules"))).isEqualTo(block(shown, "LCC-R036"));

        // The impact excerpt: every line it shows is a line of what impact prints.
        assertThat(dir.resolve("impact.html")).exists();
        String impact = cli("impact", "--rules", dir.resolve("k36-rules").toString(), dir.resolve("rules-examples/src/main/resources/cases").toString(),
                dir.resolve("held-back.jsonl").toString());
        assertThat(impact.lines().toList()).containsAll(block(shown, "compared:").lines().toList());
    }

    private static String block(List<String> blocks, String containing) {
        return blocks.stream().filter(b -> b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no text block of the guide shows " + containing));
    }

    private static String validate(Path rules) {
        return cli("validate", rules.toString());
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        LegCrampCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    private static List<String> blocks(String markdown, String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```").matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
