package org.legcrampcds.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a reproducible JSON Lines batch for timing the command line: {@code COUNT} lines, each an
 * example case (complete and partial records alike, without its fixture-only {@code expect} and
 * {@code description}) picked at random from a fixed seed, and one line
 * in {@value #INVALID_ONE_IN} invalid (cut short, or a lab in a unit its test does not accept), so
 * that the error path is timed too. The same arguments always give the same bytes.
 *
 * <pre>
 * java -cp rules-benchmarks/target/benchmarks.jar org.legcrampcds.benchmarks.BatchFile COUNT OUT.jsonl [SEED]
 * </pre>
 */
public final class BatchFile {

    static final int INVALID_ONE_IN = 100;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final long DEFAULT_SEED = 10;

    private BatchFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BatchFile COUNT OUT.jsonl [SEED]");
            System.exit(1);
        }
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        List<String> cases = ExampleCases.all().stream().map(c -> oneLine(c.json())).toList();
        Random random = new Random(seed);
        int invalid = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                String line = cases.get(random.nextInt(cases.size()));
                if (i % INVALID_ONE_IN == 0) {
                    line = invalid(line, random);
                    invalid++;
                }
                writer.write(line);
                writer.write('\n');
            }
        }
        System.err.printf("%s: %d lines (%d invalid) from %d example cases, seed %d%n", out, count, invalid, cases.size(), seed);
    }

    /**
     * The case on one line, without what only a test fixture carries ({@code expect},
     * {@code description}): a batch from a record system has neither. Numbers are kept exactly as
     * written (as {@link java.math.BigDecimal}, trailing zeros and all).
     */
    static String oneLine(String json) {
        try {
            ObjectNode c = (ObjectNode) JSON.readTree(json);
            c.remove(List.of("expect", "description"));
            return JSON.writeValueAsString(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line cut short, or with a unit no lab test accepts (when it has a unit). */
    private static String invalid(String line, Random random) {
        if (random.nextBoolean() && line.contains("\"unit\":\"")) {
            return line.replaceFirst("\"unit\":\"[^\"]*\"", "\"unit\":\"furlongs\"");
        }
        return line.substring(0, line.length() / 2);
    }
}
