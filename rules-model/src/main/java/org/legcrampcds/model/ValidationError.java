package org.legcrampcds.model;

import java.util.Objects;

/**
 * One reason a case was rejected (catalogue §2.7).
 *
 * @param field      where the problem is, in the source format's own terms: a case-JSON path such as
 *                   {@code labs[0].unit}, or for FHIR input a FHIRPath-like location
 * @param diagnostic the stable diagnostic code
 * @param reason     what is wrong, for example {@code unsupported unit 'mg/dL' for POTASSIUM}; wording
 *                   may change between releases, the code does not
 */
public record ValidationError(String field, Diagnostic diagnostic, String reason) {

    public ValidationError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(reason, "reason");
    }

    /** The stable code, for example {@code LCC-V007}. */
    public String code() {
        return diagnostic.code();
    }

    @Override
    public String toString() {
        return field + ": " + diagnostic.code() + " " + reason;
    }
}
