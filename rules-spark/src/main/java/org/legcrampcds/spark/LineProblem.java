package org.legcrampcds.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A line of the export that could not be used, located as {@code file:line}.
 *
 * @param file   the file's name
 * @param line   the 1-based line number
 * @param code   the diagnostic code
 * @param reason what is wrong, without the line's content (it may hold patient data)
 */
record LineProblem(String file, long line, String code, String reason) implements Serializable, Comparable<LineProblem> {

    private static final long serialVersionUID = 1L;

    private static final Comparator<LineProblem> ORDER =
            Comparator.comparing(LineProblem::file).thenComparingLong(LineProblem::line);

    @Override
    public int compareTo(LineProblem other) {
        return ORDER.compare(this, other);
    }
}
