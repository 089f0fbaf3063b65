package org.legcrampcds.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One case as a reader of any input format read it (the case JSON, a line of JSON Lines, a FHIR
 * Bundle or prefetch): either accepted, a valid {@link PatientCase} with what its format adds, or
 * rejected with every error found (field, diagnostic code, reason), named by its case id either way,
 * so that a batch can report a rejected case in its place and go on with the others. Every reader
 * of the library returns this:
 *
 * <pre>{@code
 * if (result instanceof ReadResult.Accepted accepted) {
 *     assessor.assess(accepted.patientCase());
 * } else {
 *     report(result.caseId(), result.errors());
 * }
 * }</pre>
 */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

    /** The case id: the case's own {@code id}, else the name it was given by its file, line or caller; null when none. */
    @Nullable String caseId();

    /**
     * Where the case was read, for messages: a file name, {@code file:line} for JSON Lines, or what
     * the caller named the input (never patient data).
     */
    String source();

    /**
     * The case's {@code expect} block (a test fixture's expected result, interfaces.md §1) as JSON
     * text, or null when the input has none (FHIR input never has one).
     */
    @Nullable String expect();

    /** Every error found: never empty for a rejected case, empty for an accepted one. */
    List<ValidationError> errors();

    /**
     * The accepted case.
     *
     * @throws InvalidCaseException the rejection, for a rejected case
     */
    PatientCase patientCaseOrThrow();

    /**
     * A case that passed every check of catalogue §2.7.
     *
     * @param patientCase the validated case, labs already in canonical units
     * @param source      where it was read
     * @param mapping     for a case mapped from an EHR record (FHIR), the as-of date and what was not
     *                    used; null for a case in the case format
     * @param expect      the case's {@code expect} block as JSON text, or null
     */
    record Accepted(PatientCase patientCase, String source, @Nullable RecordMapping mapping, @Nullable String expect)
            implements ReadResult {

        public Accepted {
            Objects.requireNonNull(patientCase, "patientCase");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public @Nullable String caseId() {
            return patientCase.id().orElse(null);
        }

        @Override
        public List<ValidationError> errors() {
            return List.of();
        }

        @Override
        public PatientCase patientCaseOrThrow() {
            return patientCase;
        }

        /**
         * The fields a result carries beside the contract's (interfaces.md §6), in the order results
         * write them: for a mapped record {@code asOf} (ISO date), {@code unmapped} (each
         * {@code {"resource", "reason", "detail"}}) and {@code notRecorded}; empty for a case file.
         * One place builds them, so that every writer of results (the command line, the Spark job)
         * prints the same line.
         *
         * @return strings, lists and maps of those, ready for a JSON writer
         */
        public Map<String, Object> resultFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (mapping == null) {
                return fields;
            }
            fields.put("asOf", mapping.asOf().toString());
            fields.put("unmapped", mapping.unmapped().stream().map(u -> {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("resource", u.resource());
                entry.put("reason", u.reason().code());
                entry.put("detail", u.detail());
                return entry;
            }).toList());
            fields.put("notRecorded", patientCase.notRecorded());
            return fields;
        }
    }

    /**
     * A case rejected as a whole, before any rule saw it.
     *
     * @param caseId    the case id, or {@code null} when the case has none and was given none
     * @param source    where it was read
     * @param exception every error found; for malformed JSON a single error on field {@code $},
     *                  whose cause is Jackson's exception with the location
     * @param expect    the case's {@code expect} block as JSON text, or null
     */
    record Rejected(@Nullable String caseId, String source, InvalidCaseException exception, @Nullable String expect)
            implements ReadResult {

        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(exception, "exception");
        }

        /** Every error found, never empty. */
        @Override
        public List<ValidationError> errors() {
            return exception.errors();
        }

        @Override
        public PatientCase patientCaseOrThrow() {
            throw exception;
        }
    }
}
