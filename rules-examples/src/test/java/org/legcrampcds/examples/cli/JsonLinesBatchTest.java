package org.legcrampcds.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.reference.RandomCaseJson;
import org.legcrampcds.reference.ReferenceEvaluator;

/**
 * The JSON Lines batch of {@code assess}: on several threads its output is byte for byte what
 * reading and assessing the lines one by one gives (the command line's output before the batch
 * was parallel), in both formats, over every example case and a few hundred random ones with
 * invalid lines mixed in; standard error gets the closing summary; the output is flushed at the
 * end, not per case, unless interactive; the progress bar is drawn only where asked.
 */
class JsonLinesBatchTest {

    private static final CrampAssessor ASSESSOR = Engines.builtIn();
    private static final String SUMMARY = "leg-cramp-cds: %d cases in [0-9.]+ s \\([0-9]+ cases/s\\): %d assessed, %d invalid\\R";

    /** Every example case on one line, then random cases, with broken lines among them. */
    private static String batch;
    private static int valid;
    private static int invalid;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTheBatch() throws IOException, URISyntaxException {
        List<String> lines = new ArrayList<>();
        Path cases = Path.of(JsonLinesBatchTest.class.getClassLoader().getResource("cases").toURI());
        try (Stream<Path> files = Files.list(cases)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode c = ReferenceEvaluator.MAPPER.readTree(file.toFile());
                lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c));
            }
        }
        Random random = new Random(0xBA7C4L);
        for (int i = 0; i < 300; i++) {
            ObjectNode c = RandomCaseJson.generate(random);
            switch (i % 25) {
                case 3 -> lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c).substring(0, 40));
                case 8 -> lines.add("[]");
                case 13 -> lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c.put("unknownField", 1)));
                case 18 -> lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c.put("id", 7)));
                case 23 -> {
                    lines.add("  ");
                    lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c));
                }
                default -> lines.add(ReferenceEvaluator.MAPPER.writeValueAsString(c));
            }
        }
        batch = String.join("\n", lines) + "\n";
        for (ReadResult r : sequentialRead(batch)) {
            if (r instanceof ReadResult.Accepted) {
                valid++;
            } else {
                invalid++;
            }
        }
        // The batch holds what it should: every example case, and invalid lines.
        assertThat(valid).isGreaterThan(150 + 200);
        assertThat(invalid).isGreaterThanOrEqualTo(40);
    }

    @Test
    void jsonFormat_onSeveralThreads_isByteForByteTheSequentialOutput() throws IOException {
        Path file = Files.writeString(dir.resolve("batch.jsonl"), batch, StandardCharsets.UTF_8);
        String expected = sequentialJson(batch);

        for (String threads : List.of("1", "3")) {
            Run run = run("", Terminal.NONE, "assess", "--format", "json", "--threads", threads, file.toString());

            assertThat(run.out()).as("%s threads", threads).isEqualTo(expected);
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).matches(String.format(SUMMARY, valid + invalid, valid, invalid));
        }
    }

    @Test
    void textFormat_onStandardInput_isByteForByteTheSequentialOutput() throws IOException {
        Run run = run(batch, Terminal.NONE, "assess", "--format", "text", "--threads", "3", "-");

        assertThat(run.out()).isEqualTo(sequentialText(batch));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).matches(String.format(SUMMARY, valid + invalid, valid, invalid));
    }

    @Test
    void theOutput_isFlushedAtTheEnd_notPerCase_unlessInteractive() {
        String fewValid = batch.lines().limit(30).reduce("", (a, b) -> a + b + "\n");

        FlushCounter batchRun = new FlushCounter();
        LegCrampCli.run(new String[] {"assess", "--format", "json", "-"}, stdin(fewValid), new PrintWriter(batchRun),
                new PrintWriter(new StringWriter()), Terminal.NONE);
        FlushCounter interactive = new FlushCounter();
        LegCrampCli.run(new String[] {"assess", "--format", "json", "-"}, stdin(fewValid), new PrintWriter(interactive),
                new PrintWriter(new StringWriter()), new Terminal(true, null));

        assertThat(batchRun.text()).isEqualTo(interactive.text()).hasLineCount(30);
        assertThat(batchRun.flushes).isLessThanOrEqualTo(3);
        assertThat(interactive.flushes).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theProgressBar_isDrawnOnlyWhereTheTerminalSaysSo() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        String fewValid = batch.lines().limit(10).reduce("", (a, b) -> a + b + "\n");

        Run withBar = run(fewValid, new Terminal(false, new PrintStream(drawn, true, StandardCharsets.UTF_8)),
                "assess", "--format", "json", "-");
        Run without = run(fewValid, Terminal.NONE, "assess", "--format", "json", "-");

        assertThat(drawn.toString(StandardCharsets.UTF_8)).contains("stdin");
        assertThat(withBar.out()).isEqualTo(without.out());
        // Standard output stays results only, and standard error only the summary.
        assertThat(withBar.out()).doesNotContain("stdin").doesNotContain("\r");
        assertThat(without.err()).matches(String.format(SUMMARY, 10, 10, 0));
    }

    @Test
    void aRunWithoutJsonLines_printsNoSummary() throws IOException {
        Path file = Files.writeString(dir.resolve("one.json"), batch.lines().findFirst().orElseThrow(), StandardCharsets.UTF_8);

        Run run = run("", Terminal.NONE, "assess", "--format", "json", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void threadsBelowOne_isAUsageError() {
        Run run = run("", Terminal.NONE, "assess", "--threads", "0", "-");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("--threads 0: must be at least 1");
        assertThat(run.out()).isEmpty();
    }

    // ------------------------------------------------------------------ the sequential reference

    private static List<ReadResult> sequentialRead(String text) throws IOException {
        List<ReadResult> results = new ArrayList<>();
        CaseReader.readJsonLines(new BufferedReader(new StringReader(text)), "input", false, results::add);
        return results;
    }

    /** One line per case, as the command line wrote them one by one. */
    private static String sequentialJson(String text) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ReadResult r : sequentialRead(text)) {
            out.append(r instanceof ReadResult.Rejected rejected
                    ? AssessmentJson.errorJson(rejected.caseId(), rejected.errors())
                    : AssessmentJson.toJson(ASSESSOR.assess(((ReadResult.Accepted) r).patientCase())));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Each case's report, a blank line between two, then the summary line after a blank line. */
    private static String sequentialText(String text) throws IOException {
        List<String> reports = new ArrayList<>();
        int assessed = 0;
        int rejectedCount = 0;
        for (ReadResult r : sequentialRead(text)) {
            StringWriter one = new StringWriter();
            PrintWriter writer = new PrintWriter(one);
            TextReport report = new TextReport(writer);
            if (r instanceof ReadResult.Rejected rejected) {
                report.rejected(rejected.caseId(), rejected.errors());
                rejectedCount++;
            } else {
                report.assessed(ASSESSOR.assess(((ReadResult.Accepted) r).patientCase()), (ReadResult.Accepted) r);
                assessed++;
            }
            writer.flush();
            reports.add(one.toString());
        }
        String nl = System.lineSeparator();
        return String.join(nl, reports) + nl + assessed + " assessed, " + rejectedCount + " invalid" + nl;
    }

    // ------------------------------------------------------------------ running

    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, stdin(stdin), new PrintWriter(out), new PrintWriter(err), terminal);
        return new Run(status, out.toString(), err.toString());
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A writer that counts its flushes. */
    private static final class FlushCounter extends Writer {
        private final StringBuilder text = new StringBuilder();
        int flushes;

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }

        String text() {
            return text.toString();
        }
    }
}
