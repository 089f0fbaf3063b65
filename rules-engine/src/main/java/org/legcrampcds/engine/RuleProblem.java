package org.legcrampcds.engine;

import java.util.Comparator;

/**
 * One problem found while building the rule base.
 *
 * @param file    the rule file, relative to the rule base root, for example {@code 20-red-flags.drl}
 * @param line    the 1-based line, or 0 when the problem belongs to the file as a whole
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {

    /** By file, then line; problems without a line (such as Drools' summary "null Package") last. */
    static final Comparator<RuleProblem> BY_LOCATION = Comparator.comparing(RuleProblem::file)
            .thenComparing(p -> p.line() == 0)
            .thenComparingInt(RuleProblem::line);

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
