package org.legcrampcds.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Urgency;
import org.legcrampcds.model.ValidationError;

/**
 * The impact of a rule change: every case is assessed on the rule base in use (the baseline) and on
 * the proposed one (the candidate), and the two results are compared, so that a clinical safety
 * officer sees which patients change and why before the change is rolled out.
 *
 * <pre>{@code
 * ImpactAnalysis impact = ImpactAnalysis.between(CrampAssessor.on(RuleBase.builtIn()),
 *         CrampAssessor.on(RuleBase.build(RuleSource.directory(Path.of("my-rules")))));
 * cases.forEach(c -> impact.compare(c, "cases.jsonl"));
 * ImpactReport report = impact.report();
 * }</pre>
 *
 * <p>Only the patients whose result changes are kept, so that a large input costs memory in
 * proportion to the change. Not thread-safe: one analysis per run; the assessors themselves are.
 */
public final class ImpactAnalysis {

    private final CrampAssessor baseline;
    private final CrampAssessor candidate;
    private final List<PatientImpact> changed = new ArrayList<>();
    private final List<ImpactReport.RejectedInput> rejected = new ArrayList<>();
    private final Map<String, CodeTally> byCode = new TreeMap<>();
    private final Map<Urgency, Map<Urgency, Integer>> urgencyChanges = new TreeMap<>();
    private int compared;

    private ImpactAnalysis(CrampAssessor baseline, CrampAssessor candidate) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /** An analysis of moving from {@code baseline} (the rules in use) to {@code candidate} (the proposed rules). */
    public static ImpactAnalysis between(CrampAssessor baseline, CrampAssessor candidate) {
        return new ImpactAnalysis(baseline, candidate);
    }

    /**
     * Assesses one case on both rule bases and records the difference.
     *
     * @param patientCase a valid case
     * @param input       where it came from, as the report should name it
     * @return the patient's impact, which may be {@linkplain PatientImpact#changed() no change}
     */
    public PatientImpact compare(PatientCase patientCase, String input) {
        return compare(baseline.assess(patientCase), candidate.assess(patientCase), input);
    }

    /**
     * Records the difference between two results of one case, for a caller that assessed it itself.
     *
     * @param before the result on the baseline
     * @param after  the result on the candidate
     * @param input  where the case came from
     */
    public PatientImpact compare(Assessment before, Assessment after, String input) {
        PatientImpact impact = difference(before, after, input);
        compared++;
        if (impact.changed()) {
            changed.add(impact);
        }
        if (impact.urgencyChanged()) {
            urgencyChanges.computeIfAbsent(impact.baselineUrgency(), u -> new TreeMap<>())
                    .merge(impact.candidateUrgency(), 1, Integer::sum);
        }
        impact.gained().forEach(f -> tally(f.code()).gained++);
        impact.lost().forEach(f -> tally(f.code()).lost++);
        impact.suppressedGained().forEach(s -> tally(s.code()).suppressedGained++);
        impact.suppressedLost().forEach(s -> tally(s.code()).suppressedLost++);
        for (PatientImpact.Rewording r : impact.reworded()) {
            CodeTally t = tally(r.code());
            t.reworded++;
            if (t.example == null) {
                t.example = r;
            }
        }
        return impact;
    }

    /** Records an input that is not a valid case: it is reported, never silently left out. */
    public void rejected(@Nullable String caseId, String input, List<ValidationError> errors) {
        rejected.add(new ImpactReport.RejectedInput(caseId, input, errors));
    }

    /** What has been recorded so far. */
    public ImpactReport report() {
        Map<String, Integer> urgencies = new LinkedHashMap<>();
        urgencyChanges.forEach((from, tos) -> tos.forEach((to, n) -> urgencies.put(from + " -> " + to, n)));
        List<ImpactReport.CodeImpact> codes = byCode.entrySet().stream()
                .map(e -> new ImpactReport.CodeImpact(e.getKey(), e.getValue().gained, e.getValue().lost,
                        e.getValue().suppressedGained, e.getValue().suppressedLost, e.getValue().reworded, e.getValue().example))
                .toList();
        return new ImpactReport(baseline.rulesetVersion(), candidate.rulesetVersion(), compared, changed, rejected, codes,
                urgencies);
    }

    /** The difference between two results of one case; pure, records nothing. */
    static PatientImpact difference(Assessment before, Assessment after, String input) {
        Map<String, Finding> was = byCode(before.findings());
        Map<String, Finding> is = byCode(after.findings());
        List<Finding> gained = after.findings().stream().filter(f -> !was.containsKey(f.code())).toList();
        List<Finding> lost = before.findings().stream().filter(f -> !is.containsKey(f.code())).toList();
        List<PatientImpact.Rewording> reworded = after.findings().stream()
                .filter(f -> was.containsKey(f.code()) && !sameWordsAndEvidence(was.get(f.code()), f))
                .map(f -> new PatientImpact.Rewording(f.code(), was.get(f.code()), f))
                .toList();
        return new PatientImpact(after.caseId(), input, before.highestUrgency(), after.highestUrgency(), gained, lost, reworded,
                minus(after.suppressed(), before.suppressed()), minus(before.suppressed(), after.suppressed()),
                minus(after.dataRequired(), before.dataRequired()), minus(before.dataRequired(), after.dataRequired()),
                sortedMinus(after.firedRules(), before.firedRules()), sortedMinus(before.firedRules(), after.firedRules()));
    }

    private static boolean sameWordsAndEvidence(Finding a, Finding b) {
        return a.title().equals(b.title()) && a.action().equals(b.action()) && a.evidence().equals(b.evidence())
                && a.urgency() == b.urgency() && a.category() == b.category();
    }

    private static Map<String, Finding> byCode(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static <T> List<T> minus(List<T> these, List<T> those) {
        Set<T> other = Set.copyOf(those);
        return these.stream().filter(t -> !other.contains(t)).toList();
    }

    private static List<String> sortedMinus(List<String> these, List<String> those) {
        Set<String> result = new TreeSet<>(these);
        result.removeAll(Set.copyOf(those));
        return List.copyOf(result);
    }

    private CodeTally tally(String code) {
        return byCode.computeIfAbsent(code, c -> new CodeTally());
    }

    /** Patients per code, counted as the comparisons come. */
    private static final class CodeTally {
        int gained;
        int lost;
        int suppressedGained;
        int suppressedLost;
        int reworded;
        PatientImpact.@Nullable Rewording example;
    }
}
