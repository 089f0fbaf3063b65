package org.legcrampcds.model;

import java.math.BigInteger;

/**
 * The range of an integer field of the case format (catalogue §2.7), in one place for the model's
 * checks and for the readers of source formats: a case JSON reader that meets a number that is no
 * integer, or one beyond {@code int}, reports it with {@link #reason()}; a FHIR mapping that works
 * out a day count the case cannot hold reports the value as implausible instead of building a case
 * the model would reject.
 *
 * @param min the smallest value allowed
 * @param max the largest value allowed
 */
public record IntRange(int min, int max) {

    /** {@code patient.ageYears}: adults only. */
    public static final IntRange AGE_YEARS = new IntRange(18, 120);
    /** {@code patient.pregnancyWeeks}. */
    public static final IntRange PREGNANCY_WEEKS = new IntRange(1, 42);
    /** {@code patient.postpartumWeeks}. */
    public static final IntRange POSTPARTUM_WEEKS = new IntRange(0, 52);
    /** {@code cramps.nightsPerWeek}. */
    public static final IntRange NIGHTS_PER_WEEK = new IntRange(0, 7);
    /** {@code medications[i].startedDaysAgo}. */
    public static final IntRange STARTED_DAYS_AGO = new IntRange(0, 36500);
    /** {@code labs[i].daysSinceTaken} (catalogue §12). */
    public static final IntRange DAYS_SINCE_TAKEN = new IntRange(0, 36500);

    /** Whether {@code value} lies in the range, bounds included. */
    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /** Whether {@code value} lies in the range, bounds included; any size of integer. */
    public boolean contains(BigInteger value) {
        return value.bitLength() < Long.SIZE && contains(value.longValue());
    }

    /** The reason of catalogue §2.7 for a value outside it: {@code out of range: must be an integer between 18 and 120}. */
    public String reason() {
        return "out of range: must be an integer between " + min + " and " + max;
    }
}
