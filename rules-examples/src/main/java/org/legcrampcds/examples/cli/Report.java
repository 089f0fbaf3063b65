package org.legcrampcds.examples.cli;

import java.util.List;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ValidationError;

/** Writes each case's outcome, in input order, in one output format. */
interface Report {

    /** A case that was assessed. */
    void assessed(Assessment assessment);

    /**
     * A case rejected before assessment.
     *
     * @param caseId its id, or {@code null} when it has none
     * @param errors every error found, never empty
     */
    void rejected(String caseId, List<ValidationError> errors);

    /** The run is over: {@code assessed} cases were assessed and {@code invalid} rejected. */
    void finished(int assessed, int invalid);
}
