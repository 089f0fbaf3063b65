package org.legcrampcds.spark;

import org.legcrampcds.model.Diagnostic;

/**
 * The diagnostic codes only population screening raises: problems of the export as a whole, of one
 * NDJSON line, or of one patient's group of resources. A patient's own FHIR problems keep the
 * mapping's {@code LCC-F} and the model's {@code LCC-V} codes. Each is explained in
 * {@code docs/diagnostics.md}.
 */
public enum ScreeningDiagnostic implements Diagnostic {
    /** The input is not a readable directory holding NDJSON files. */
    EXPORT_NOT_READABLE("LCC-S001"),
    /** A line of an NDJSON file is not JSON. */
    LINE_NOT_JSON("LCC-S002"),
    /** A line is JSON but not a FHIR resource: not an object with a {@code resourceType} string. */
    LINE_NOT_A_RESOURCE("LCC-S003"),
    /** A Patient resource without an {@code id}: nothing can be grouped under it. */
    PATIENT_WITHOUT_ID("LCC-S004"),
    /** A resource without a {@code subject} or {@code patient} reference to a Patient. */
    NO_PATIENT_REFERENCE("LCC-S005"),
    /** Resources refer to a Patient that the export does not hold. */
    PATIENT_NOT_IN_EXPORT("LCC-S006"),
    /** The patient's case could not be assessed: a defect of the engine, not of the input. */
    NOT_ASSESSED("LCC-S007"),
    /** The output directory already holds results; a run never overwrites earlier ones. */
    OUTPUT_EXISTS("LCC-S008");

    private final String code;

    ScreeningDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
