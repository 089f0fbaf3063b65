package org.legcrampcds.model;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cramps themselves (catalogue §2.2). Validated as part of a {@link PatientCase}. A field is
 * {@code null} exactly when the case lists it as not recorded (§11).
 *
 * @param nightsPerWeek    nights a week with at least one cramp, averaged over 4 weeks, 0-7
 * @param durationMinutes  typical length of one episode in minutes, above 0 and at most 240
 * @param sites            where the cramps are felt, at least one; duplicates are dropped
 * @param side             which leg
 * @param weeksSinceOnset  weeks since the current episode of cramps began, 0-5200, fractions allowed
 */
public record Cramps(@Nullable Integer nightsPerWeek, @Nullable BigDecimal durationMinutes,
                     @Nullable Set<CrampSite> sites, @Nullable Side side, @Nullable BigDecimal weeksSinceOnset) {

    /** A record in which nothing about the cramps is stated: every field not recorded. */
    public static final Cramps NOT_RECORDED = new Cramps(null, null, null, null, null);

    public Cramps {
        sites = EnumSets.immutableCopyOrNull(CrampSite.class, sites);
    }
}
