package org.legcrampcds.model;

/**
 * The stable diagnostic codes of rejected input (catalogue §2.7), whatever format the input came
 * in. Every {@link ValidationError} carries one; {@code docs/diagnostics.md} explains each with its
 * cause, an example and the fix. Codes never change meaning; a new problem gets a new code.
 */
public enum InputDiagnostic implements Diagnostic {
    /** The document is not well-formed JSON (or not UTF-8, or empty). */
    MALFORMED_JSON("LCC-V001"),
    /** A value of the wrong type: an object, array, number, integer, boolean or string was required. */
    WRONG_TYPE("LCC-V002"),
    /** A required field or object is missing or null. */
    MISSING("LCC-V003"),
    /** A key the format does not define. */
    UNKNOWN_FIELD("LCC-V004"),
    /** A number outside its allowed range. */
    OUT_OF_RANGE("LCC-V005"),
    /** A code that is not in its coded list (symptom, condition, drug class, sex, side, site, lab test). */
    UNKNOWN_CODE("LCC-V006"),
    /** A unit the lab test does not accept. */
    UNSUPPORTED_UNIT("LCC-V007"),
    /** A lab value outside the plausible range after conversion: usually a unit mistake. */
    IMPLAUSIBLE_VALUE("LCC-V008"),
    /** The same lab test twice in one case. */
    DUPLICATE_LAB_TEST("LCC-V009"),
    /** An upper limit of normal on a test other than CK or TSH. */
    UPPER_LIMIT_NOT_ALLOWED("LCC-V010"),
    /** A listed generic name entered with a class other than the table's. */
    DRUG_CLASS_MISMATCH("LCC-V011"),
    /** Pregnant and postpartum at once, or a pregnancy flag that contradicts the weeks. */
    CONTRADICTORY_PREGNANCY("LCC-V012"),
    /** An input listed in {@code notRecorded} that has a value. */
    NOT_RECORDED_HAS_VALUE("LCC-V013"),
    /** A {@code notRecorded} entry that names no input of catalogue §11.1. */
    UNKNOWN_NOT_RECORDED_INPUT("LCC-V014"),
    /** Only one of pregnancy and postpartum status listed as not recorded. */
    PREGNANCY_NOT_RECORDED_ALONE("LCC-V015"),
    /** A name of catalogue version 1 that no longer exists. */
    VERSION_1_NAME("LCC-V016"),
    /** JSON Lines input whose lines are not whole cases, such as a pretty-printed case. */
    NOT_JSON_LINES("LCC-V017");

    private final String code;

    InputDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
