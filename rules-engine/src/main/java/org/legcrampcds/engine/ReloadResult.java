package org.legcrampcds.engine;

import java.util.List;

/**
 * What {@link ReloadableAssessor#reload} did.
 *
 * @param swapped          whether the candidate is now serving
 * @param servingVersion   the {@code rulesetVersion} serving after the call: the candidate's when
 *                         swapped, otherwise the one that was serving before
 * @param problems         why the candidate did not build, in file and line order; empty if it built
 * @param selfTestFailures why it failed its self-test; empty if it passed or never got that far
 */
public record ReloadResult(boolean swapped, String servingVersion, List<RuleProblem> problems, List<String> selfTestFailures) {

    public ReloadResult {
        problems = List.copyOf(problems);
        selfTestFailures = List.copyOf(selfTestFailures);
    }
}
