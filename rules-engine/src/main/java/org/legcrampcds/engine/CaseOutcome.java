package org.legcrampcds.engine;

import java.util.Objects;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * What became of one case of a batch run by {@link ParallelAssessor}: either its assessment or the
 * exception that stopped it. A failure belongs to its case alone; the other cases of the batch are
 * still assessed.
 */
public sealed interface CaseOutcome permits CaseOutcome.Assessed, CaseOutcome.Failed {

    /** The case as it was given, or {@code null} when the batch held a null element. */
    PatientCase patientCase();

    /**
     * The case was assessed.
     *
     * @param patientCase the case
     * @param assessment  its result, exactly what {@link CrampAssessor#assess} returns for it alone
     */
    record Assessed(PatientCase patientCase, Assessment assessment) implements CaseOutcome {

        public Assessed {
            Objects.requireNonNull(patientCase, "patientCase");
            Objects.requireNonNull(assessment, "assessment");
        }
    }

    /**
     * The assessment of this case threw; that is a defect (or a null element), never bad input,
     * since a {@link PatientCase} is valid by construction.
     *
     * @param patientCase the case, or {@code null} for a null element
     * @param failure     what was thrown
     */
    record Failed(PatientCase patientCase, RuntimeException failure) implements CaseOutcome {

        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
