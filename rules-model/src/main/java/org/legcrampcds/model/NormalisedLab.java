package org.legcrampcds.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A laboratory result in its canonical unit, rounded as catalogue §2.6 says. Rules compare
 * {@link #value()} only. Made by {@link PatientCase} validation; one per test.
 *
 * @param test               which test
 * @param value              the rounded canonical value, in {@link #unit()}
 * @param upperLimitOfNormal the supplied upper limit of normal in the canonical unit, unrounded
 *                           (§2.8 item 3), or {@code null} when not supplied
 * @param reported           the result as it was reported
 */
public record NormalisedLab(LabTest test, BigDecimal value, @Nullable BigDecimal upperLimitOfNormal, LabResult reported) {

    /** The canonical unit, for example {@code mmol/L}. */
    public String unit() {
        return test.canonicalUnit();
    }

    /** Days since the sample was taken, or {@code null} for a current result. */
    public @Nullable Integer daysSinceTaken() {
        return reported.daysSinceTaken();
    }

    /** Whether it is older than its test's freshness window (§12), and so treated as absent by every rule. */
    public boolean isStale() {
        return reported.daysSinceTaken() != null && reported.daysSinceTaken() > test.freshnessDays();
    }
}
