package org.legcrampcds.fhir;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.json.CaseReader;
import org.legcrampcds.json.PendingCase;
import org.legcrampcds.model.ReadResult;

/**
 * The library's one reader of input: a path or a stream in any supported format becomes
 * {@link ReadResult}s, in input order, one per case. The formats (interfaces.md §1, §2, §6):
 *
 * <ul>
 *   <li>a case file ({@code *.json}), named by its file name when it has no {@code id};</li>
 *   <li>a FHIR R4 Bundle (a {@code *.json} file whose top level has a {@code resourceType}), mapped
 *       at the as-of date and named by its file name;</li>
 *   <li>JSON Lines ({@code *.jsonl}, or a stream such as standard input): one case per line, read
 *       lazily one line at a time, so that a batch of any size stays flat in memory;</li>
 *   <li>a directory: its {@code *.json} files, by name, not recursively.</li>
 * </ul>
 *
 * <pre>{@code
 * CaseInputs inputs = CaseInputs.at(LocalDate.of(2026, 12, 1));
 * try (CaseInputs.Cases cases = inputs.open(Path.of("cases"))) {
 *     cases.forEachRemaining(pending -> handle(pending.read()));
 * }
 * }</pre>
 *
 * Each {@link PendingCase} reads its case when asked, so that a batch can read and assess several
 * on other threads while one thread takes them from the input in order. The FHIR mapper is created
 * on first use (loading HAPI FHIR costs time a run of case files need not pay). Thread-safe.
 */
public final class CaseInputs {

    private static final JsonFactory JSON = new JsonFactory();

    private final LocalDate asOf;
    private volatile @Nullable FhirCaseMapper mapper;

    private CaseInputs(LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * A reader of inputs.
     *
     * @param asOf the date ages and day counts of FHIR input are taken at (the assessment date)
     */
    public static CaseInputs at(LocalDate asOf) {
        return new CaseInputs(asOf);
    }

    /** The date ages and day counts of FHIR input are taken at. */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * The cases of a path: a case or Bundle file (one case), a {@code *.jsonl} file (one per line)
     * or a directory (its {@code *.json} files by name). Close it when done: a JSON Lines file stays
     * open while its lines are taken.
     *
     * @throws IOException when the path cannot be opened or listed; a file of a directory that
     *                     cannot be read throws an {@link UncheckedIOException} from its
     *                     {@link PendingCase#read()}
     */
    public Cases open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Cases(Kind.DIRECTORY, caseFiles(path).stream().map(this::pendingFile).iterator(), null);
        }
        if (isJsonLines(path)) {
            BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            return new Cases(Kind.JSON_LINES, CaseReader.jsonLines(in, path.getFileName().toString(), false), in);
        }
        if (!Files.isReadable(path)) {
            throw new IOException(path + ": no such file or directory, or not readable");
        }
        return new Cases(Kind.FILE, List.of(pendingFile(path)).iterator(), null);
    }

    /**
     * The cases of JSON Lines on a stream, for example standard input, decoded as strict UTF-8
     * (bytes that are not UTF-8 fail the read instead of becoming U+FFFD). Closing the result
     * closes the stream.
     *
     * @param name the stream's name, for each result's source ({@code stdin:3})
     */
    public Cases jsonLines(InputStream in, String name) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        return new Cases(Kind.JSON_LINES, CaseReader.jsonLines(reader, name, true), reader);
    }

    /**
     * Reads one document already in memory: a case, or a FHIR resource (a Bundle is mapped, anything
     * else is rejected as not a Bundle).
     *
     * @param json   the document
     * @param name   the case id when a case has no {@code id}, and the id of a mapped Bundle's case
     *               (null: its {@code Patient/<id>})
     * @param source where the document was read, as the result names it
     */
    public ReadResult read(String json, @Nullable String name, String source) {
        if (isFhirResource(json)) {
            return mapper().read(json, asOf, name, source);
        }
        return CaseReader.read(json, name, source);
    }

    /** The FHIR mapper of these inputs, created on first use; share it (it is thread-safe). */
    public FhirCaseMapper mapper() {
        FhirCaseMapper m = mapper;
        if (m == null) {
            synchronized (this) {
                m = mapper;
                if (m == null) {
                    m = FhirCaseMapper.create();
                    mapper = m;
                }
            }
        }
        return m;
    }

    /** The {@code *.json} files of a directory that {@link #open} reads, by name, not recursively. */
    public static List<Path> caseFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /** Whether a file is read as JSON Lines: by its name, {@code *.jsonl}. */
    public static boolean isJsonLines(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".jsonl");
    }

    private PendingCase pendingFile(Path file) {
        return () -> {
            try {
                return readFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private ReadResult readFile(Path file) throws IOException {
        String text;
        try {
            text = CaseReader.utf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            return CaseReader.read(file);   // The case reader's rejection: not UTF-8 text.
        }
        return read(text, CaseReader.defaultId(file), file.getFileName().toString());
    }

    /**
     * Whether the document is a FHIR resource: a top-level {@code resourceType} (interfaces.md §2
     * reads a Bundle as FHIR; any other resource goes the same way, to be told it is not a Bundle,
     * rather than to the case reader, which would list every FHIR key as unknown).
     */
    static boolean isFhirResource(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("resourceType".equals(name)) {
                    return value == JsonToken.VALUE_STRING;
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;   // Not JSON at all: the case reader reports it as malformed.
        }
    }

    private enum Kind { FILE, DIRECTORY, JSON_LINES }

    /**
     * The cases of one input, in input order, each still to be read; JSON Lines are taken from the
     * input one line per case taken. Not thread-safe: one thread takes the cases, any thread may
     * read them.
     */
    public static final class Cases implements Iterator<PendingCase>, Closeable {

        private final Kind kind;
        private final Iterator<PendingCase> pending;
        private final @Nullable Closeable resource;

        private Cases(Kind kind, Iterator<PendingCase> pending, @Nullable Closeable resource) {
            this.kind = kind;
            this.pending = pending;
            this.resource = resource;
        }

        /** Whether the input is JSON Lines, a batch of any size (a caller may assess it on several threads). */
        public boolean isJsonLines() {
            return kind == Kind.JSON_LINES;
        }

        /** Whether the input is a directory (which may hold no case file at all). */
        public boolean isDirectory() {
            return kind == Kind.DIRECTORY;
        }

        /** @throws UncheckedIOException when JSON Lines input cannot be read */
        @Override
        public boolean hasNext() {
            return pending.hasNext();
        }

        @Override
        public PendingCase next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.next();
        }

        @Override
        public void close() throws IOException {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
