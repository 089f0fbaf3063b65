package org.legcrampcds.rules;

import java.math.BigDecimal;

import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.LabTest;

/**
 * The upper limit of normal a rule compares a lab with (catalogue §3 {@code ckUln}, {@code tshUln}):
 * the laboratory's own when the case supplies it, otherwise the catalogue's default.
 *
 * @param test   the test it belongs to
 * @param value  the limit in the test's canonical unit
 * @param origin {@code "supplied"} or {@code "default"}
 */
public record UpperLimit(LabTest test, BigDecimal value, String origin) {

    /** {@code multiple} times the limit, exactly. */
    public BigDecimal times(int multiple) {
        return value.multiply(BigDecimal.valueOf(multiple));
    }

    Evidence evidence() {
        return new Evidence(test.name().toLowerCase(java.util.Locale.ROOT) + "Uln", value, test.canonicalUnit(), origin);
    }
}
