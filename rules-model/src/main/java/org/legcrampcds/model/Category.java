package org.legcrampcds.model;

/** The six kinds of finding (catalogue §5), in evaluation order (§4). */
public enum Category {
    RED_FLAG("RF_"),
    CAUSE("CAUSE_"),
    MEDICATION_REVIEW("MED_REVIEW_"),
    INVESTIGATION("INV_"),
    SAFETY("SAFETY_"),
    SELF_CARE("SC_");

    private final String codePrefix;

    Category(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    /** Every finding code of this category starts with this prefix, for example {@code RF_}. */
    public String codePrefix() {
        return codePrefix;
    }
}
