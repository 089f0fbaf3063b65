package org.legcrampcds.examples.cli;

import java.util.List;

import org.legcrampcds.fhir.FhirMapping;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ValidationError;

/** Writes each case's outcome, in input order, in one output format. */
interface Report {

    /**
     * A case that was assessed.
     *
     * @param fromFhir the FHIR mapping it came from, with its as-of date and what it did not use, or
     *                 null for a case in the case format
     */
    void assessed(Assessment assessment, FhirMapping fromFhir);

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
