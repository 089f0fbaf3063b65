package org.legcrampcds.conformance.cases;

import java.util.function.BiPredicate;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.PatientCase;

/**
 * The paths of catalogue v2.2 that are not one rule each, so that the rule-coverage gate cannot see
 * them through firing records: each is observed in a result, and its near miss is a case where it
 * could have happened and did not.
 */
enum RulePath {
    /** A lab older than its window set aside (catalogue §12); near miss: aged labs all within their window. */
    STALE_LAB((c, r) -> !r.staleLabs().isEmpty(),
            (c, r) -> r.staleLabs().isEmpty() && c.labs().stream().anyMatch(lab -> lab.daysSinceTaken() != null)),
    /** No self-care while a safety input is not recorded (§11.3); near miss: a partial record with self-care. */
    SELF_CARE_GATED((c, r) -> !c.safetyInputsRecorded() && !r.findings().stream().anyMatch(RulePath::selfCare)
                    && r.suppressed().isEmpty(),
            (c, r) -> !c.isRecordComplete() && c.safetyInputsRecorded() && r.findings().stream().anyMatch(RulePath::selfCare)),
    /** A question that would raise a red flag (§11.4); near miss: safety inputs not recorded, yet nothing to ask. */
    DATA_REQUIRED((c, r) -> !r.dataRequired().isEmpty(),
            (c, r) -> !c.safetyInputsRecorded() && r.dataRequired().isEmpty());

    private final BiPredicate<PatientCase, Assessment> happened;
    private final BiPredicate<PatientCase, Assessment> nearMiss;

    RulePath(BiPredicate<PatientCase, Assessment> happened, BiPredicate<PatientCase, Assessment> nearMiss) {
        this.happened = happened;
        this.nearMiss = nearMiss;
    }

    boolean happenedIn(PatientCase patientCase, Assessment result) {
        return happened.test(patientCase, result);
    }

    /** Whether the case is a real near miss: the path could have been taken and was not. */
    boolean missedNarrowlyIn(PatientCase patientCase, Assessment result) {
        return nearMiss.test(patientCase, result) && !happenedIn(patientCase, result);
    }

    private static boolean selfCare(org.legcrampcds.model.Finding finding) {
        return finding.category() == Category.SELF_CARE;
    }
}
