package org.legcrampcds.model;

import java.util.List;

/**
 * A case failed validation (catalogue §2.7) and was rejected as a whole before any rule fired.
 * It carries at least one {@link ValidationError}; {@link #field()}, {@link #code()} and
 * {@link #reason()} give the first. The message names fields and codes, never patient values
 * beyond the offending one.
 */
public final class InvalidCaseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationError> errors;

    public InvalidCaseException(List<ValidationError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidCaseException(String field, Diagnostic diagnostic, String reason) {
        this(List.of(new ValidationError(field, diagnostic, reason)));
    }

    /**
     * Every error found, never empty: problems of the source document first, then structural ones
     * (types, unknown keys and codes), then the semantic checks, each group in the order of the case.
     */
    public List<ValidationError> errors() {
        return errors;
    }

    /** Where the first offending field is. */
    public String field() {
        return errors.get(0).field();
    }

    /** The diagnostic code of the first error, for example {@code LCC-V007}. */
    public String code() {
        return errors.get(0).code();
    }

    /** Why the first offending field was rejected. */
    public String reason() {
        return errors.get(0).reason();
    }

    private static String message(List<ValidationError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid case needs at least one error");
        }
        return errors.get(0).toString() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
