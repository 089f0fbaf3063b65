package org.legcrampcds.model;

/**
 * One reason a case was rejected (catalogue §2.7).
 *
 * @param field  the JSON path of the offending field, for example {@code labs[0].unit}
 * @param reason what is wrong with it, for example {@code unsupported unit 'mg/dL' for POTASSIUM}
 */
public record ValidationError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
