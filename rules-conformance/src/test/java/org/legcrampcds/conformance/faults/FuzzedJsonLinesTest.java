package org.legcrampcds.conformance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

import org.legcrampcds.engine.Engines;
import org.legcrampcds.engine.ParallelAssessor;
import org.legcrampcds.cli.LegCrampCli;
import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.reference.ReferenceEvaluator;

/**
 * Guards against JSON Lines input that is partly broken derailing a batch: a bad line that
 * swallows or shifts its neighbours, output out of input order or with a line missing or doubled, a
 * broken line reported as a result (or crashing the run), a good line assessed differently because
 * of what came before it, or the wrong exit status. Input mixes valid cases with truncated JSON,
 * random text, valid cases with one field of the wrong JSON type, {@code {}}, {@code []},
 * {@code null} and blank lines, with LF or CRLF line ends, on standard input or in a {@code .jsonl}
 * file, through {@code assess --format json}. The first non-blank line is always a valid case: a
 * first line that runs on past its end is, by design, read as a pretty-printed case (one LCC-V017).
 *
 * <p>The command line assesses JSON Lines in parallel, in input order. Each command-line run
 * compiles the rule base (1-3 s), so the command-line property has few tries, each a run over one
 * to three inputs of up to 43 lines with one to three threads; a second property runs the same kind
 * of input through the parallel path of the Java API ({@link CaseReader#jsonLines} and
 * {@link ParallelAssessor}) with small windows, and a third through the sequential reader
 * {@link CaseReader#readJsonLines}, each for many tries.
 */
@Tag("slow") // fuzzing; jqwik's tag (skipped by -Dquick)
class FuzzedJsonLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALID = FaultCases.affordableTexts(0x7E57_F022L, 150);
    /** The result line of each valid case assessed on its own, computed on first use. */
    private static final Map<Integer, String> ALONE = new ConcurrentHashMap<>();

    // ------------------------------------------------------------------ properties

    /**
     * One run over one to three inputs: the first on standard input or in a file, the others in
     * files, so that a run (which compiles the rule base) checks several inputs and their order.
     */
    @Property(tries = 5, seed = "20261201", shrinking = ShrinkingMode.BOUNDED)
    void theCommandLineAnswersEachLineInOrder(@ForAll("runs") List<Input> inputs, @ForAll boolean firstOnStandardInput,
                                              @ForAll("threads") int threads) throws IOException {
        List<String> args = new ArrayList<>(List.of("assess", "--format", "json", "--threads", String.valueOf(threads)));
        byte[] stdin = new byte[0];
        List<Path> files = new ArrayList<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                if (i == 0 && firstOnStandardInput) {
                    stdin = inputs.get(i).text().getBytes(StandardCharsets.UTF_8);
                    args.add("-");
                } else {
                    Path file = Files.createTempFile("fuzzed-", ".jsonl");
                    files.add(file);
                    Files.writeString(file, inputs.get(i).text(), StandardCharsets.UTF_8);
                    args.add(file.toString());
                }
            }
            status = LegCrampCli.run(args.toArray(String[]::new), new ByteArrayInputStream(stdin), new PrintWriter(out),
                    new PrintWriter(err));
        } finally {
            for (Path file : files) {
                Files.delete(file);
            }
        }

        List<Line> expected = inputs.stream().flatMap(input -> input.nonBlank().stream()).toList();
        List<String> output = out.toString().lines().toList();
        // Standard error holds the batch's closing summary and nothing else: no message about any line, only
        // one about each input that held no case at all (interfaces.md section 2, 2.3: never a success).
        long valid = expected.stream().filter(l -> l.kind() == Kind.VALID).count();
        long withoutCase = inputs.stream().filter(input -> input.nonBlank().isEmpty()).count();
        assertThat(err.toString()).as("standard error").matches(String.format(
                "(?:leg-cramp-cds: LCC-C003 no case in [^\\n]+\\R){%d}"
                        + "leg-cramp-cds: %d case%s in [0-9.]+ s \\([0-9]+ cases/s\\): %d assessed, %d invalid\\R",
                withoutCase, expected.size(), expected.size() == 1 ? "" : "s", valid, expected.size() - valid));
        assertThat(output).as("one output line per non-blank input line").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Line line = expected.get(i);
            String got = output.get(i);
            if (line.kind() == Kind.VALID) {
                assertThat(got).as("output of input line %d, a valid case", line.number()).isEqualTo(alone(line.validIndex()));
            } else {
                assertErrorLine(JSON.readTree(got), line);
            }
        }
        assertThat(status).as("exit status").isEqualTo(inputs.stream().anyMatch(Input::anyBroken) || withoutCase > 0 ? 2 : 0);
    }

    /**
     * The parallel path of the Java API over the same kind of input, many times (no rule-base build
     * per try): the reader's pending cases read, assessed and written to JSON on the workers of a
     * {@link ParallelAssessor} with a small window and a few threads, so that lines finish out of
     * order and the window fills; the results must still be one per line, in order.
     */
    @Property(tries = 150, seed = "20261203", shrinking = ShrinkingMode.BOUNDED)
    void theParallelPathAnswersEachLineInOrder(@ForAll("inputs") Input input, @ForAll boolean standardInput,
                                               @ForAll("threads") int threads, @ForAll("windows") int window)
            throws IOException, InterruptedException {
        List<String> output = new ArrayList<>();
        ParallelAssessor.of(Engines.builtIn()).withThreads(threads).withWindow(window).mapInOrder(
                CaseReader.jsonLines(new BufferedReader(new StringReader(input.text())), "input", standardInput),
                (assessor, pending) -> {
                    ReadResult read = pending.read();
                    return read instanceof ReadResult.Rejected rejected
                            ? AssessmentJson.errorJson(rejected.caseId(), rejected.errors())
                            : AssessmentJson.toJson(assessor.assess(((ReadResult.Accepted) read).patientCase()));
                },
                (pending, e) -> "failed: " + e, output::add);

        List<Line> expected = input.nonBlank();
        assertThat(output).as("one result per non-blank input line").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Line line = expected.get(i);
            if (line.kind() == Kind.VALID) {
                assertThat(output.get(i)).as("result of input line %d, a valid case", line.number()).isEqualTo(alone(line.validIndex()));
            } else {
                assertErrorLine(JSON.readTree(output.get(i)), line);
            }
        }
    }

    @Property(tries = 250, seed = "20261202", shrinking = ShrinkingMode.BOUNDED)
    void theReaderGivesOneResultPerLineInOrder(@ForAll("inputs") Input input, @ForAll boolean standardInput) throws IOException {
        List<ReadResult> results = new ArrayList<>();
        CaseReader.readJsonLines(new BufferedReader(new StringReader(input.text())), "input", standardInput, results::add);

        List<Line> expected = input.nonBlank();
        assertThat(results).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Line line = expected.get(i);
            ReadResult result = results.get(i);
            if (line.kind() == Kind.VALID) {
                assertThat(result).as("input line %d, a valid case", line.number()).isInstanceOf(ReadResult.Accepted.class);
                assertThat(content(((ReadResult.Accepted) result).patientCase()))
                        .isEqualTo(content(FaultCases.read(VALID.get(line.validIndex()))));
            } else {
                assertThat(result).as("input line %d (%s): %s", line.number(), line.kind(), line.text())
                        .isInstanceOf(ReadResult.Rejected.class);
                assertErrorLine(JSON.readTree(AssessmentJson.errorJson(result.caseId(), ((ReadResult.Rejected) result).errors())),
                        line);
            }
        }
    }

    private static void assertErrorLine(JsonNode got, Line line) {
        String as = "output of input line " + line.number() + " (" + line.kind() + "): " + line.text();
        assertThat(got.has("findings")).as(as).isFalse();
        JsonNode error = got.get("error");
        assertThat(error).as(as).isNotNull();
        assertThat(error.path("field").isTextual()).as(as).isTrue();
        assertThat(error.path("code").asText()).as(as).matches("LCC-V\\d{3}");
        assertThat(error.path("reason").asText()).as(as).isNotBlank();
        assertThat(got.path("errors").isArray() && got.path("errors").size() >= 1).as(as).isTrue();
        assertThat(got.path("errors").get(0)).as(as).isEqualTo(error);
        assertThat(got.path("caseId").asText(null)).as(as).isEqualTo(line.expectedCaseId());
    }

    private static String alone(int index) {
        return ALONE.computeIfAbsent(index, i -> AssessmentJson.toJson(Engines.builtIn().assess(FaultCases.read(VALID.get(i)))));
    }

    /** What a case holds, for comparing two readings of it ({@link PatientCase} has identity equality). */
    private static List<Object> content(PatientCase c) {
        return List.of(c.id(), c.patient(), c.cramps(), c.history(), c.symptoms(), c.conditions(), c.medications(),
                c.labs(), c.notRecorded());
    }

    // ------------------------------------------------------------------ inputs

    enum Kind { VALID, TRUNCATED, RANDOM_TEXT, WRONG_TYPE, EMPTY_OBJECT, ARRAY, NULL, BLANK }

    /**
     * One input line as generated; {@code number} is set when the input is assembled.
     *
     * @param validIndex     the case in {@link #VALID} it is, or was made from; -1 if none
     * @param expectedCaseId the case id its error must carry (a broken line without an id is named by its line number)
     */
    record Line(Kind kind, String text, int validIndex, int number, String expectedCaseId) {

        Line numbered(int n) {
            String id = expectedCaseId == null && kind != Kind.VALID && kind != Kind.BLANK ? String.valueOf(n) : expectedCaseId;
            return new Line(kind, text, validIndex, n, id);
        }
    }

    /** A whole input: its lines, the line end between them and whether the last line ends too. */
    record Input(List<Line> lines, String lineEnd, boolean finalLineEnd) {

        String text() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                text.append(lines.get(i).text());
                if (i < lines.size() - 1 || finalLineEnd) {
                    text.append(lineEnd);
                }
            }
            return text.toString();
        }

        List<Line> nonBlank() {
            return lines.stream().filter(l -> l.kind() != Kind.BLANK).toList();
        }

        boolean anyBroken() {
            return lines.stream().anyMatch(l -> l.kind() != Kind.VALID && l.kind() != Kind.BLANK);
        }

        /** Shown on failure: the lines, numbered. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Input[lineEnd=" + lineEnd.replace("\r", "\\r").replace("\n", "\\n")
                    + ", finalLineEnd=" + finalLineEnd + "]");
            lines.forEach(l -> s.append("\n  ").append(l.number()).append(' ').append(l.kind()).append(": ").append(l.text()));
            return s.toString();
        }
    }

    @Provide
    Arbitrary<Integer> threads() {
        return Arbitraries.of(1, 2, 3);
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(1, 2, 5, 64);
    }

    @Provide
    Arbitrary<List<Input>> runs() {
        return inputs().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Line> blank = Arbitraries.of("", " ", "\t", "  \t ").map(t -> new Line(Kind.BLANK, t, -1, 0, null));
        Arbitrary<Line> other = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, valid()),
                net.jqwik.api.Tuple.of(2, truncated()),
                net.jqwik.api.Tuple.of(2, randomText()),
                net.jqwik.api.Tuple.of(3, wrongType()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("{}", "{ }", " {}").map(t -> new Line(Kind.EMPTY_OBJECT, t, -1, 0, null))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[]", "[ ]", "[{}]").map(t -> new Line(Kind.ARRAY, t, -1, 0, null))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("null", " null ").map(t -> new Line(Kind.NULL, t, -1, 0, null))),
                net.jqwik.api.Tuple.of(1, blank));
        return Combinators.combine(
                        blank.list().ofMaxSize(2),
                        valid(),
                        other.list().ofMaxSize(40),
                        Arbitraries.of("\n", "\r\n"),
                        Arbitraries.of(true, false))
                .as((leadingBlanks, first, rest, lineEnd, finalLineEnd) -> {
                    List<Line> lines = new ArrayList<>(leadingBlanks);
                    lines.add(first);
                    lines.addAll(rest);
                    List<Line> numbered = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        numbered.add(lines.get(i).numbered(i + 1));
                    }
                    return new Input(numbered, lineEnd, finalLineEnd);
                });
    }

    private static Arbitrary<Integer> validIndex() {
        return Arbitraries.integers().between(0, VALID.size() - 1);
    }

    private static Arbitrary<Line> valid() {
        return validIndex().map(i -> new Line(Kind.VALID, VALID.get(i), i, 0, null));
    }

    /** A valid case cut short anywhere: a proper prefix of a JSON object is never a whole JSON value. */
    private static Arbitrary<Line> truncated() {
        return Combinators.combine(validIndex(), Arbitraries.doubles().between(0, 1))
                .as((i, at) -> {
                    String text = VALID.get(i);
                    int end = 1 + (int) (at * (text.length() - 2));
                    return new Line(Kind.TRUNCATED, text.substring(0, end), i, 0, null);
                });
    }

    /**
     * Text that is valid UTF-8 but not a case: any code points but line ends and surrogates, biased
     * to JSON punctuation, control characters and characters beyond ASCII; never blank in the
     * reader's sense ({@link String#isBlank}: a line of whitespace only is skipped by design).
     */
    private static Arbitrary<Line> randomText() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of((int) '{', (int) '}', (int) '[', (int) ']', (int) '"', (int) ':',
                        (int) ',', (int) '\\', (int) '0', (int) '-', (int) 'e', (int) '.')),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F).filter(c -> c != '\n' && c != '\r')),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMinSize(1).ofMaxSize(60)
                .map(cps -> {
                    StringBuilder s = new StringBuilder();
                    cps.forEach(s::appendCodePoint);
                    return s.toString();
                })
                .filter(s -> !s.isBlank())
                .map(s -> new Line(Kind.RANDOM_TEXT, s, -1, 0, null));
    }

    /**
     * A valid case with one value (anywhere: a field, a list element, an object or a list) replaced
     * by a value of another JSON type. Every value the format defines is typed, so each such change
     * is an error.
     */
    private static Arbitrary<Line> wrongType() {
        return Combinators.combine(validIndex(), Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((i, pick) -> {
                    try {
                        ObjectNode root = (ObjectNode) ReferenceEvaluator.MAPPER.readTree(VALID.get(i));
                        List<Slot> slots = new ArrayList<>();
                        slots(root, slots);
                        Slot slot = slots.get(pick % slots.size());
                        slot.replace(wrongTypeOf(slot.value()));
                        String id = slot.parent() == root && "id".equals(slot.key()) ? null : root.get("id").asText();
                        return new Line(Kind.WRONG_TYPE, ReferenceEvaluator.MAPPER.writeValueAsString(root), i, 0, id);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** A place holding a non-null value: a field of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String key, int index, JsonNode value) {

        void replace(JsonNode replacement) {
            if (parent instanceof ObjectNode o) {
                o.set(key, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static void slots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    slots.add(new Slot(o, f.getKey(), -1, f.getValue()));
                }
                slots(f.getValue(), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int k = 0; k < a.size(); k++) {
                if (!a.get(k).isNull()) {
                    slots.add(new Slot(a, null, k, a.get(k)));
                }
                slots(a.get(k), slots);
            }
        }
    }

    private static JsonNode wrongTypeOf(JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return TextNode.valueOf(value.asText());
        }
        if (value.isTextual()) {
            return IntNode.valueOf(7);
        }
        if (value.isArray()) {
            return JSON.createObjectNode();
        }
        return JSON.createArrayNode();
    }
}
