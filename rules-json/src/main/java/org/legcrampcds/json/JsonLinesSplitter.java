package org.legcrampcds.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;

import org.legcrampcds.model.InputDiagnostic;
import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.ReadResult;

/**
 * Splits JSON Lines input into its cases, in input order, without parsing them (but the first):
 * a byte-order mark at the start is dropped, lines of JSON whitespace are skipped, and input whose
 * first case runs over several lines (a pretty-printed case) yields one rejection with code
 * {@code LCC-V017} and nothing after it. Each other line becomes a {@link PendingCase} named by its
 * line number. The one definition of what {@link CaseReader#readJsonLines} reads.
 */
final class JsonLinesSplitter implements Iterator<PendingCase> {

    /** An input failure, told apart from an {@link UncheckedIOException} thrown by a caller's code. */
    static final class ReadFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause);
        }
    }

    private final BufferedReader input;
    private final String name;
    private final boolean standardInput;
    private int lineNumber;
    private boolean first = true;
    private boolean done;
    private PendingCase next;

    JsonLinesSplitter(BufferedReader input, String name, boolean standardInput) {
        this.input = input;
        this.name = name;
        this.standardInput = standardInput;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public PendingCase next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PendingCase pending = next;
        next = null;
        return pending;
    }

    private PendingCase advance() {
        for (String line = readLine(); line != null; line = readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (isJsonWhitespace(line)) {
                continue;
            }
            if (first && endsEarly(line)) {
                done = true;
                String where = standardInput ? "standard input" : "a .jsonl file";
                String advice = standardInput ? "pass the file name instead" : "give a pretty-printed case its own .json file";
                ReadResult notJsonLines = new ReadResult.Rejected(null, name + ":" + lineNumber,
                        new InvalidCaseException(CaseReader.DOCUMENT, InputDiagnostic.NOT_JSON_LINES,
                                where + " is read as JSON Lines: one case per line; " + advice), null);
                return () -> notJsonLines;
            }
            first = false;
            String text = line;
            int number = lineNumber;
            return () -> CaseReader.readJsonLine(text, name, number);
        }
        done = true;
        return null;
    }

    private String readLine() {
        try {
            return input.readLine();
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }

    /**
     * Whether a line holds only JSON whitespace (space, tab, carriage return), so that it is skipped.
     * Other characters {@link String#isBlank()} counts as blank (a vertical tab, U+2028) are no
     * whitespace to JSON: such a line is reported as malformed, never silently dropped.
     */
    private static boolean isJsonWhitespace(String line) {
        return line.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r');
    }

    /** Whether a line is the start of a JSON value that goes on past the end of the line. */
    private static boolean endsEarly(String line) {
        try (JsonParser parser = CaseReader.MAPPER.createParser(line)) {
            while (parser.nextToken() != null) {
                // Read to the end: only running out of input in the middle of a value counts.
            }
            return false;
        } catch (JsonEOFException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
