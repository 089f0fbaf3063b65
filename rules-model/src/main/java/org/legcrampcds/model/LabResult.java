package org.legcrampcds.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A laboratory result as reported (catalogue §2.6), before conversion.
 *
 * @param test               which test
 * @param value              the value exactly as written (never passed through {@code double})
 * @param unit               the unit as written; see {@link LabTest#accepts(String)}
 * @param upperLimitOfNormal the reporting laboratory's upper limit of normal in the same unit, CK and
 *                           TSH only, or {@code null} when not supplied
 * @param daysSinceTaken     days between the sample and the assessment, 0-36500, or {@code null} for a
 *                           current result (catalogue §12)
 */
public record LabResult(LabTest test, BigDecimal value, String unit, @Nullable BigDecimal upperLimitOfNormal,
                        @Nullable Integer daysSinceTaken) {

    /** A current result without an upper limit of normal. */
    public LabResult(LabTest test, BigDecimal value, String unit) {
        this(test, value, unit, null, null);
    }

    /** A current result. */
    public LabResult(LabTest test, BigDecimal value, String unit, @Nullable BigDecimal upperLimitOfNormal) {
        this(test, value, unit, upperLimitOfNormal, null);
    }
}
