package org.legcrampcds.examples.cli;

import java.util.List;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.ValidationError;

/**
 * Writes case outcomes in one output format to the writer it was made with. A report keeps no
 * state from one case to the next, so that each case can be written on its own (on any thread) and
 * the pieces put together in input order by {@link ResultWriter}.
 */
interface Report {

    /**
     * A case that was assessed.
     *
     * @param read the case as it was read; a case mapped from FHIR carries its as-of date and what
     *             was not used ({@link ReadResult.Accepted#mapping()})
     */
    void assessed(Assessment assessment, ReadResult.Accepted read);

    /**
     * A case rejected before assessment.
     *
     * @param caseId its id, or {@code null} when it has none
     * @param errors every error found, never empty
     */
    void rejected(String caseId, List<ValidationError> errors);

    /** Written between the reports of two cases. */
    void betweenCases();

    /** The run is over: {@code assessed} cases were assessed and {@code invalid} rejected. */
    void finished(int assessed, int invalid);
}
