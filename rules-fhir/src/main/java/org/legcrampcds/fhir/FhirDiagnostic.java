package org.legcrampcds.fhir;

import org.legcrampcds.model.Diagnostic;

/**
 * The diagnostic codes only FHIR input can raise (interfaces.md §6, "Rejected bundles"). Problems
 * the case model finds in the mapped values (an age under 18, say) keep the model's own
 * {@code LCC-V} codes, located in the Bundle. Every code is explained in {@code docs/diagnostics.md}.
 */
public enum FhirDiagnostic implements Diagnostic {
    /** The document is not FHIR R4 JSON, or not a Bundle. */
    NOT_A_FHIR_BUNDLE("LCC-F001"),
    /** The Bundle holds no Patient. */
    NO_PATIENT("LCC-F002"),
    /** The Bundle holds more than one Patient. */
    SEVERAL_PATIENTS("LCC-F003"),
    /** The Patient has no birth date, so no age can be worked out. */
    NO_BIRTH_DATE("LCC-F004"),
    /** An element the mapping needs is malformed: an unparseable date or number. */
    MALFORMED_ELEMENT("LCC-F005"),
    /** (2.3) One JSON object gives the same key twice: which value counts would be a guess. */
    DUPLICATE_KEY("LCC-F006");

    private final String code;

    FhirDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
