package org.legcrampcds.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule base could not be built: a rule does not compile, lacks the metadata every finding
 * rule must carry, or names a finding text that does not exist. Thrown by
 * {@link CrampAssessor.Builder#build()}, never while assessing a patient.
 */
public final class RuleBaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    RuleBaseException(List<RuleProblem> problems) {
        super("the rule base has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    RuleBaseException(String file, String message, Throwable cause) {
        super("the rule base could not be read: " + file + ": " + message, cause);
        this.problems = List.of(new RuleProblem(file, 0, message));
    }

    /** Every problem found, in file and line order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
