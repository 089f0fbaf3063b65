package org.legcrampcds.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.legcrampcds.cli.LegCrampCli;

/** Test helpers: the fixtures, writing export files, running the job and the command line, reading results. */
final class Exports {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    static final ObjectMapper JSON = new ObjectMapper();

    private Exports() {
    }

    /** The folder named by a system property the build sets (surefire), so no test depends on the working directory. */
    static Path fixtures(String property) {
        String dir = System.getProperty(property);
        if (dir == null) {
            throw new IllegalStateException("system property " + property + " is set by the build (rules-spark/pom.xml)");
        }
        return Path.of(dir);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            String text = String.join("\n", lines) + "\n";
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the job on the tests' local Spark. */
    static ScreeningSummary screen(Path input, Path output) {
        return ScreeningJob.builder().input(input.toString()).output(output.toString()).asOf(AS_OF).build()
                .run(LocalSpark.get());
    }

    /** Every result line of a run, by patientId. */
    static Map<String, String> results(Path output) {
        Map<String, String> byPatient = new HashMap<>();
        try (Stream<Path> parts = Files.list(output.resolve(ScreeningJob.RESULTS))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    String id = JSON.readTree(line).path("patientId").asText();
                    if (byPatient.put(id, line) != null) {
                        throw new AssertionError("two result lines for one patient");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPatient;
    }

    static JsonNode summary(Path output) {
        try {
            return JSON.readTree(read(output.resolve(ScreeningJob.SUMMARY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code assess --format json --as-of 2026-12-01 DIR} of the command line: its lines, by caseId. */
    static Map<String, String> assess(Path bundles) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LegCrampCli.run(new String[] {"assess", "--format", "json", "--as-of", AS_OF.toString(), bundles.toString()},
                InputStreamOf.EMPTY, new PrintWriter(out), new PrintWriter(err));
        Map<String, String> byCase = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                try {
                    byCase.put(JSON.readTree(line).path("caseId").asText(), line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return byCase;
    }

    /** The command line's line for a case with {@code "patientId"} appended: what the job must write. */
    static String withPatientId(String cliLine, String patientId) {
        return cliLine.substring(0, cliLine.length() - 1) + ",\"patientId\":\"" + patientId + "\"}";
    }

    static List<String> lines(String... lines) {
        return new ArrayList<>(List.of(lines));
    }

    /** No standard input. */
    private static final class InputStreamOf {
        static final java.io.InputStream EMPTY = java.io.InputStream.nullInputStream();
    }
}
