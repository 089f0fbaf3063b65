package org.legcrampcds.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Standard output of a run: each case's report in input order, what the format puts between two
 * cases, and its closing lines. A case's report is first {@link #render rendered} to text (which
 * any thread may do), then {@link #write written} here, by one thread.
 *
 * <p>The output is not flushed after each case, which for a large batch costs a system call per
 * case, unless it is interactive (a person reading as the cases come); it is always flushed at the
 * end.
 */
final class ResultWriter {

    private final Function<PrintWriter, Report> format;
    private final PrintWriter out;
    private final Report report;
    private final boolean flushEachCase;
    private boolean first = true;

    /**
     * @param format        makes a report of the output format writing to a given writer
     * @param flushEachCase whether the output is interactive
     */
    ResultWriter(Function<PrintWriter, Report> format, PrintWriter out, boolean flushEachCase) {
        this.format = format;
        this.out = out;
        this.report = format.apply(out);
        this.flushEachCase = flushEachCase;
    }

    /** One case's report as text, exactly as the format writes it; thread-safe. */
    String render(Consumer<Report> writeCase) {
        StringWriter text = new StringWriter(4096);
        PrintWriter writer = new PrintWriter(text);
        writeCase.accept(format.apply(writer));
        writer.flush();
        return text.toString();
    }

    /** Writes the next case's rendered report. */
    void write(String renderedCase) {
        if (!first) {
            report.betweenCases();
        }
        first = false;
        out.write(renderedCase);
        if (flushEachCase) {
            out.flush();
        }
    }

    /** The format's closing lines; then everything is flushed. */
    void finish(int assessed, int invalid) {
        report.finished(assessed, invalid);
        out.flush();
    }
}
