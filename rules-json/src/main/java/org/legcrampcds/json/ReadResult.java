package org.legcrampcds.json;

import java.util.List;
import java.util.Objects;

import org.legcrampcds.model.InvalidCaseException;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.ValidationError;

/**
 * One case as {@link CaseReader} read it: either a valid {@link PatientCase} or the reasons the
 * case was rejected, named by its case id either way, so that a batch can report an invalid case
 * in its place and go on with the others.
 */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

    /** The case id: the case's own {@code id}, else the name it was given by its file or line. */
    String caseId();

    /**
     * A case that passed every check of catalogue §2.7.
     *
     * @param patientCase the validated case, labs already in canonical units
     */
    record Accepted(PatientCase patientCase) implements ReadResult {

        public Accepted {
            Objects.requireNonNull(patientCase, "patientCase");
        }

        @Override
        public String caseId() {
            return patientCase.id().orElse(null);
        }
    }

    /**
     * A case rejected as a whole, before any rule saw it.
     *
     * @param caseId    the case id, or {@code null} when the case has none and was given none
     * @param exception every error found; for malformed JSON a single error on field {@code $},
     *                  whose cause is Jackson's exception with the location
     */
    record Rejected(String caseId, InvalidCaseException exception) implements ReadResult {

        public Rejected {
            Objects.requireNonNull(exception, "exception");
        }

        /** Every error found, never empty. */
        public List<ValidationError> errors() {
            return exception.errors();
        }
    }
}
