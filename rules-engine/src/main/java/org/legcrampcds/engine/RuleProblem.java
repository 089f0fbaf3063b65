package org.legcrampcds.engine;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found while building the rule base.
 *
 * @param file       the rule file, relative to the rule base root, for example {@code 20-red-flags.drl}
 * @param line       the 1-based line, or 0 when the problem belongs to the file as a whole
 * @param diagnostic the stable diagnostic code
 * @param message    what is wrong
 */
public record RuleProblem(String file, int line, RuleDiagnostic diagnostic, String message) {

    /**
     * By file, then line (problems without a line, such as Drools' summary "null Package", last),
     * then code and message: the same rule base always lists its problems in the same order.
     */
    static final Comparator<RuleProblem> BY_LOCATION = Comparator.comparing(RuleProblem::file)
            .thenComparing(p -> p.line() == 0)
            .thenComparingInt(RuleProblem::line)
            .thenComparing(RuleProblem::diagnostic)
            .thenComparing(RuleProblem::message);

    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(message, "message");
    }

    /** The stable code, for example {@code LCC-R004}. */
    public String code() {
        return diagnostic.code();
    }

    /** {@code file:line: CODE message}, the form the command line prints. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + diagnostic.code() + " " + message;
    }
}
