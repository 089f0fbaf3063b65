package org.legcrampcds.authoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.ValidationError;

/**
 * The impact of a rule change over a set of patients, as {@link ImpactAnalysis} found it: who
 * changes and how, then per finding code how many patients gain, lose or see it reworded.
 *
 * @param baselineVersion  the {@code rulesetVersion} of the rule base in use
 * @param candidateVersion the {@code rulesetVersion} of the proposed rule base
 * @param compared         cases assessed on both rule bases
 * @param changed          the patients whose result changes ({@link PatientImpact#changed()}), in input order
 * @param rejected         inputs that were not cases either rule base could assess, in input order
 * @param byCode           per finding code that any patient gains, loses, has withheld differently or
 *                         sees reworded, by code
 * @param urgencyChanges   per change of highest urgency ({@code "INFO -> ROUTINE"}), the number of
 *                         patients, from the most urgent baseline urgency
 */
public record ImpactReport(String baselineVersion, String candidateVersion, int compared, List<PatientImpact> changed,
                           List<RejectedInput> rejected, List<CodeImpact> byCode, Map<String, Integer> urgencyChanges) {

    public ImpactReport {
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        Objects.requireNonNull(candidateVersion, "candidateVersion");
        changed = List.copyOf(changed);
        rejected = List.copyOf(rejected);
        byCode = List.copyOf(byCode);
        urgencyChanges = Collections.unmodifiableMap(new LinkedHashMap<>(urgencyChanges));   // keeps the order given
    }

    /** Cases compared whose result does not change. */
    public int unchanged() {
        return compared - changed.size();
    }

    /** Whether no compared patient's result changes. */
    public boolean noChange() {
        return changed.isEmpty();
    }

    /**
     * One finding code across all patients: in how many patients the change makes it appear,
     * disappear, be withheld or no longer be withheld, or changes its words or evidence.
     *
     * @param code             the finding code
     * @param gained           patients who gain the finding
     * @param lost             patients who lose it
     * @param suppressedGained patients for whom only the candidate withholds it
     * @param suppressedLost   patients for whom only the baseline withholds it
     * @param reworded         patients who have it on both sides with other words or evidence
     * @param example          the first such rewording, to show what changed; {@code null} when none
     */
    public record CodeImpact(String code, int gained, int lost, int suppressedGained, int suppressedLost, int reworded,
                             PatientImpact.@Nullable Rewording example) {

        public CodeImpact {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * An input that could not be compared: an invalid case or a rejected FHIR Bundle. Validation does
     * not depend on the rules, so it is rejected on both sides alike.
     *
     * @param caseId the case id, or {@code null} when it has none
     * @param input  where it came from
     * @param errors every reason, with its field and diagnostic code
     */
    public record RejectedInput(@Nullable String caseId, String input, List<ValidationError> errors) {

        public RejectedInput {
            Objects.requireNonNull(input, "input");
            errors = List.copyOf(errors);
        }
    }
}
