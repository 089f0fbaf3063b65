package org.legcrampcds.conformance.safety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The traceability check of the hazard log: every hazard has every field and at least one control,
 * every control names at least one test, every named test exists, is a test and is not disabled,
 * every named rule is in the rule base and every named check is a documented diagnostic code, and no
 * clinical rating is given without a clinician's sign-off.
 */
final class HazardLogCheck {

    private static final Pattern SIGNED_OFF = Pattern.compile("signed off by \\S.* on \\d{4}-\\d{2}-\\d{2}");

    private HazardLogCheck() {
    }

    /**
     * Every problem of the log, each naming the hazard and the line.
     *
     * @param log     the parsed log
     * @param tests   where named tests are looked up
     * @param ruleIds the rule ids of the rule base
     * @param checks  the documented diagnostic codes
     */
    static List<String> problems(HazardLog log, SourceTests tests, Set<String> ruleIds, Set<String> checks) {
        List<String> problems = new ArrayList<>(log.problems());
        if (log.hazards().isEmpty()) {
            problems.add("no hazard: the log has no '## HAZ-NNN title' section");
        }
        Set<String> seen = new HashSet<>();
        for (HazardLog.Hazard hazard : log.hazards()) {
            String at = "line " + hazard.line() + ": " + hazard.id() + ": ";
            if (!seen.add(hazard.id())) {
                problems.add(at + "the id is used twice");
            }
            for (String field : HazardLog.FIELDS) {
                if (!hazard.fields().containsKey(field)) {
                    problems.add(at + "no " + field);
                } else if (!"Controls".equals(field) && hazard.field(field).isBlank()) {
                    problems.add(at + field + " is empty");
                }
            }
            for (String rating : List.of("Initial risk", "Residual risk")) {
                String value = hazard.field(rating);
                if (!value.isBlank() && !value.contains(HazardLog.AWAITING) && !SIGNED_OFF.matcher(value).find()) {
                    problems.add(at + rating + " '" + value + "' is a rating without sign-off: write '" + HazardLog.AWAITING
                            + "', or the rating with 'signed off by NAME on YYYY-MM-DD'");
                }
            }
            if (hazard.controls().isEmpty()) {
                problems.add(at + "no control");
            }
            for (HazardLog.Control control : hazard.controls()) {
                String c = "line " + control.line() + ": " + hazard.id() + ": ";
                if (control.tests().isEmpty()) {
                    problems.add(c + "a control that names no test: " + control.text());
                }
                for (String test : control.tests()) {
                    SourceTests.Lookup found = tests.lookup(test);
                    if (found.status() != SourceTests.Status.RUNS) {
                        problems.add(c + "test " + test + ": " + found.status() + " (" + found.detail() + ")");
                    }
                }
                control.rules().stream().filter(r -> !ruleIds.contains(r))
                        .forEach(r -> problems.add(c + "rule " + r + " is not in the rule base"));
                control.checks().stream().filter(k -> !checks.contains(k))
                        .forEach(k -> problems.add(c + "check " + k + " is not a documented diagnostic code"));
            }
        }
        return problems;
    }
}
