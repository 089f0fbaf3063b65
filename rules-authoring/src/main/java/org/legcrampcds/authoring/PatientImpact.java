package org.legcrampcds.authoring;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Urgency;

/**
 * What a rule change does to one patient: the same case assessed on a baseline and on a candidate
 * rule base. Findings are told apart by code; a finding of the same code on both sides whose title,
 * action or evidence differs is {@linkplain #reworded reworded}, not gained or lost.
 *
 * @param caseId             the case id, or {@code null} when the case had none and was given none
 * @param input              where the case came from: a file name, or {@code file:line} in JSON Lines
 * @param baselineUrgency    the highest urgency on the baseline
 * @param candidateUrgency   the highest urgency on the candidate
 * @param gained             findings the candidate gives and the baseline does not, with the candidate's evidence
 * @param lost               findings the baseline gives and the candidate does not, with the baseline's evidence
 * @param reworded           findings on both sides whose words or evidence differ
 * @param suppressedGained   withheld advice only the candidate withholds (or withholds for other reasons)
 * @param suppressedLost     withheld advice only the baseline withholds (or withholds for other reasons)
 * @param dataRequiredGained questions only the candidate asks (catalogue §11.4)
 * @param dataRequiredLost   questions only the baseline asks
 * @param rulesGained        ids of rules that fired only on the candidate, sorted: the why of a gained finding
 * @param rulesLost          ids of rules that fired only on the baseline, sorted
 */
public record PatientImpact(@Nullable String caseId, String input, Urgency baselineUrgency, Urgency candidateUrgency,
                            List<Finding> gained, List<Finding> lost, List<Rewording> reworded,
                            List<Suppression> suppressedGained, List<Suppression> suppressedLost,
                            List<DataRequired> dataRequiredGained, List<DataRequired> dataRequiredLost,
                            List<String> rulesGained, List<String> rulesLost) {

    public PatientImpact {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(baselineUrgency, "baselineUrgency");
        Objects.requireNonNull(candidateUrgency, "candidateUrgency");
        gained = List.copyOf(gained);
        lost = List.copyOf(lost);
        reworded = List.copyOf(reworded);
        suppressedGained = List.copyOf(suppressedGained);
        suppressedLost = List.copyOf(suppressedLost);
        dataRequiredGained = List.copyOf(dataRequiredGained);
        dataRequiredLost = List.copyOf(dataRequiredLost);
        rulesGained = List.copyOf(rulesGained);
        rulesLost = List.copyOf(rulesLost);
    }

    /**
     * Whether the patient's result changes in substance: a finding gained or lost, the highest urgency,
     * the advice withheld, or the questions asked. A rewording alone is not a change of outcome (it is
     * counted per code in the report).
     */
    public boolean changed() {
        return urgencyChanged() || !gained.isEmpty() || !lost.isEmpty() || !suppressedGained.isEmpty()
                || !suppressedLost.isEmpty() || !dataRequiredGained.isEmpty() || !dataRequiredLost.isEmpty();
    }

    public boolean urgencyChanged() {
        return baselineUrgency != candidateUrgency;
    }

    /** Every finding code the change involves (gained, lost, suppressed either way), sorted. */
    public Set<String> codes() {
        Set<String> codes = new TreeSet<>();
        gained.forEach(f -> codes.add(f.code()));
        lost.forEach(f -> codes.add(f.code()));
        suppressedGained.forEach(s -> codes.add(s.code()));
        suppressedLost.forEach(s -> codes.add(s.code()));
        return codes;
    }

    /**
     * One finding given on both sides whose texts or evidence differ, for example an action text that
     * states a threshold which the candidate moved.
     *
     * @param code      the finding code
     * @param baseline  the finding on the baseline
     * @param candidate the finding on the candidate
     */
    public record Rewording(String code, Finding baseline, Finding candidate) {

        public Rewording {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
        }
    }
}
