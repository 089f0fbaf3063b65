package org.legcrampcds.model;

/**
 * A stable diagnostic code for rejected input, such as {@code LCC-V007}. The model's own are
 * {@link InputDiagnostic}; a reader of another format (FHIR) defines the codes only it can raise,
 * and reports them through the same {@link PatientCase.Builder} seam. Every code is explained in
 * {@code docs/diagnostics.md}.
 */
public interface Diagnostic {

    /** The stable code, for example {@code LCC-V007}. */
    String code();
}
