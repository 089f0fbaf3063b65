package org.legcrampcds.authoring;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleInfo;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;

/**
 * Which rules a set of cases exercises, like code coverage for a rule base: per rule the number
 * of cases that fired it, the rules no case fired, the finding codes no case produced, and the
 * codes without a near miss (no fixture that expects the code absent and finds it absent). A rule
 * never fired is a rule whose change no fixture would notice.
 */
@SuppressWarnings("JdkObsolete") // SortedSet is the type of the public API (codes()); NavigableSet would change it
public final class RuleCoverage {

    /** One rule and the number of cases that fired it. */
    public record RuleCount(RuleInfo rule, int cases) {
        public boolean fired() {
            return cases > 0;
        }
    }

    private final String rulesetVersion;
    private final List<RuleCount> rules;
    private final int assessed;
    private final int rejected;
    private final SortedSet<String> produced;
    private final SortedSet<String> nearMissed;

    private RuleCoverage(String rulesetVersion, List<RuleCount> rules, int assessed, int rejected, SortedSet<String> produced,
                         SortedSet<String> nearMissed) {
        this.rulesetVersion = rulesetVersion;
        this.rules = List.copyOf(rules);
        this.assessed = assessed;
        this.rejected = rejected;
        this.produced = produced;
        this.nearMissed = nearMissed;
    }

    /** Assesses every accepted case of {@code fixtures} and counts what fired. */
    public static RuleCoverage measure(Collection<Fixture> fixtures, CrampAssessor assessor) {
        Map<String, Integer> firings = new HashMap<>();
        SortedSet<String> produced = new TreeSet<>();
        SortedSet<String> nearMissed = new TreeSet<>();
        int assessed = 0;
        int rejected = 0;
        for (Fixture fixture : fixtures) {
            if (!(fixture.read() instanceof ReadResult.Accepted accepted)) {
                rejected++;
                continue;
            }
            assessed++;
            Assessment result = assessor.assess(accepted.patientCase());
            result.firedRules().forEach(id -> firings.merge(id, 1, Integer::sum));
            SortedSet<String> codes = new TreeSet<>(result.codes());
            codes.addAll(result.suppressedCodes());
            produced.addAll(codes);
            if (fixture.hasExpectation()) {
                fixture.expectation().absent().stream().filter(code -> !codes.contains(code)).forEach(nearMissed::add);
            }
        }
        List<RuleCount> rules = assessor.rules().stream()
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .map(rule -> new RuleCount(rule, firings.getOrDefault(rule.id(), 0)))
                .toList();
        return new RuleCoverage(assessor.rulesetVersion(), rules, assessed, rejected, produced, nearMissed);
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** Every rule with its count, in file and line order. */
    public List<RuleCount> rules() {
        return rules;
    }

    public List<RuleInfo> neverFired() {
        return rules.stream().filter(r -> !r.fired()).map(RuleCount::rule).toList();
    }

    /** Cases assessed; rejected cases fire nothing and are counted apart. */
    public int casesAssessed() {
        return assessed;
    }

    public int casesRejected() {
        return rejected;
    }

    /** The finding codes the rule base can produce. */
    public SortedSet<String> codes() {
        SortedSet<String> codes = new TreeSet<>();
        rules.forEach(r -> r.rule().code().ifPresent(codes::add));
        return codes;
    }

    /** Codes no case produced, as a finding or as suppressed advice. */
    public SortedSet<String> codesNeverProduced() {
        SortedSet<String> codes = codes();
        codes.removeAll(produced);
        return codes;
    }

    /** Codes no fixture proves silent: none expects the code absent and finds it absent. */
    public SortedSet<String> codesWithoutNearMiss() {
        SortedSet<String> codes = codes();
        codes.removeAll(nearMissed);
        return codes;
    }

    /** The share of rules fired by at least one case, in percent (100 for a rule base without rules). */
    public double percentOfRulesFired() {
        if (rules.isEmpty()) {
            return 100.0;
        }
        return 100.0 * rules.stream().filter(RuleCount::fired).count() / rules.size();
    }
}
