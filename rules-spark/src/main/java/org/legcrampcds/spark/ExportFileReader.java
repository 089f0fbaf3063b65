package org.legcrampcds.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

import scala.Tuple2;

/**
 * The read stage, one task per NDJSON file: each line a resource keyed by its patient's id (a
 * Patient by its own id, anything else by its {@code subject} or {@code patient} reference), and
 * at the end of the file one tally of what the file held besides, keyed by {@link #tallyKey}.
 * A line is parsed only as far as its type and patient need; the mapping parses it as FHIR later.
 * A whole file per task keeps line numbers exact (Bulk Data servers split large types into several
 * files, and a {@code .gz} file cannot be split anyway).
 */
final class ExportFileReader implements PairFlatMapFunction<String, String, ExportItem> {

    private static final long serialVersionUID = 1L;

    /** The resource types the FHIR mapping reads (interfaces.md §6); others are counted and dropped. */
    static final Set<String> READ_TYPES = Set.of("Patient", "Condition", "Observation", "MedicationStatement",
            "MedicationRequest", "QuestionnaireResponse", "Procedure");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Broadcast<HadoopConf> conf;

    ExportFileReader(Broadcast<HadoopConf> conf) {
        this.conf = conf;
    }

    /** The key of a file's tally: it starts with a NUL, which no FHIR id can hold. */
    static String tallyKey(String file) {
        return "\u0000" + file;
    }

    static boolean isTallyKey(String key) {
        return key.startsWith("\u0000");
    }

    @Override
    public Iterator<Tuple2<String, ExportItem>> call(String file) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf.value().get());
        CompressionCodec codec = new CompressionCodecFactory(conf.value().get()).getCodec(path);
        InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        return new Lines(path.getName(), new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    /** What one line is, or why it cannot be used. */
    static Tuple2<String, ExportItem> classify(String file, long lineNumber, String line, Tally tally) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            tally.badLine(new LineProblem(file, lineNumber, ScreeningDiagnostic.LINE_NOT_JSON.code(), notJson(e)));
            return null;
        }
        if (node == null || !node.isObject() || !node.path("resourceType").isTextual()) {
            tally.badLine(new LineProblem(file, lineNumber, ScreeningDiagnostic.LINE_NOT_A_RESOURCE.code(),
                    "not a FHIR resource: a JSON object with a resourceType is needed"));
            return null;
        }
        String type = node.get("resourceType").textValue();
        if (!READ_TYPES.contains(type)) {
            Tally.add(tally.ignoredByType, type, 1);
            return null;
        }
        if ("Patient".equals(type)) {
            JsonNode id = node.path("id");
            if (!id.isTextual() || id.textValue().isBlank()) {
                tally.badLine(new LineProblem(file, lineNumber, ScreeningDiagnostic.PATIENT_WITHOUT_ID.code(),
                        "a Patient without an id: its resources cannot be grouped with it"));
                return null;
            }
            return new Tuple2<>(id.textValue(), ExportItem.resource(type, file, lineNumber, line));
        }
        String patientId = PatientReference.idOf(node);
        if (patientId == null) {
            tally.withoutReference(type, new LineProblem(file, lineNumber, ScreeningDiagnostic.NO_PATIENT_REFERENCE.code(),
                    "a " + type + " without a subject or patient reference to a Patient"));
            return null;
        }
        return new Tuple2<>(patientId, ExportItem.resource(type, file, lineNumber, line));
    }

    /** Jackson's message may quote the line's text, which may be patient data: only the kind and the column. */
    private static String notJson(JsonProcessingException e) {
        String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        if (e instanceof JsonEOFException) {
            return "not JSON: the line ends inside a value" + column;
        }
        if (e instanceof JsonParseException) {
            return "not JSON: malformed" + column;
        }
        return "not JSON: more than one value on the line" + column;
    }

    /** Only JSON whitespace makes a line blank, as in the command line's JSON Lines. */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The lines of one file as keyed items, read as Spark asks for them, then the file's tally. */
    private static final class Lines implements Iterator<Tuple2<String, ExportItem>> {
        private final String file;
        private final BufferedReader in;
        private final Tally tally = new Tally();
        private long lineNumber;
        private Tuple2<String, ExportItem> next;
        private boolean done;

        Lines(String file, BufferedReader in) {
            this.file = file;
            this.in = in;
            tally.files = 1;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                String line = readLine();
                if (line == null) {
                    done = true;
                    close();
                    next = new Tuple2<>(tallyKey(file), ExportItem.tally(file, tally));
                } else {
                    lineNumber++;
                    if (!isBlank(line)) {
                        next = classify(file, lineNumber, line, tally);
                    }
                }
            }
            return next != null;
        }

        @Override
        public Tuple2<String, ExportItem> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Tuple2<String, ExportItem> item = next;
            next = null;
            return item;
        }

        private String readLine() {
            try {
                return in.readLine();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read " + file + " after line " + lineNumber, e);
            }
        }

        private void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Nothing more is read from it.
            }
        }
    }
}
