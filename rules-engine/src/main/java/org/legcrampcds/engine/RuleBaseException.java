package org.legcrampcds.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rule base could not be built: a rule does not compile, lacks the metadata every finding
 * rule must carry, fails the lint of {@link RuleBase#validate}, names a finding text or threshold
 * that does not exist, or the rule files cannot be read. Thrown by {@link RuleBase#build} (and so by
 * {@link CrampAssessor.Builder#build()}), never while assessing a patient. Every problem carries a
 * {@link RuleDiagnostic} code.
 */
public final class RuleBaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    RuleBaseException(List<RuleProblem> problems) {
        super("the rule base has " + problems.size() + (problems.size() == 1 ? " problem:\n" : " problems:\n")
                + problems.stream().sorted(RuleProblem.BY_LOCATION).map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted(RuleProblem.BY_LOCATION).toList();
    }

    RuleBaseException(String file, RuleDiagnostic diagnostic, String message, Throwable cause) {
        super("the rule base could not be read: " + file + ": " + diagnostic.code() + " " + message, cause);
        this.problems = List.of(new RuleProblem(file, 0, diagnostic, message));
    }

    /** Every problem found, in file and line order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
