package org.legcrampcds.model;

import org.jspecify.annotations.Nullable;

/**
 * The patient (catalogue §2.1). Validated as part of a {@link PatientCase}.
 *
 * @param ageYears        age in whole years, 18 to 120 (adults only)
 * @param sex             recorded sex; never gates pregnancy
 * @param pregnancyWeeks  weeks of pregnancy 1-42, or {@code null} when not pregnant, when the
 *                        gestational age is unknown ({@code pregnant} true) or when pregnancy status
 *                        is not recorded
 * @param postpartumWeeks weeks since delivery 0-52, or {@code null}; never set together with
 *                        {@code pregnancyWeeks}
 * @param pregnant        {@code true}: pregnant, gestational age unknown when {@code pregnancyWeeks} is
 *                        null (EHR data, catalogue v2.2); {@code false}: not pregnant; {@code null}: as
 *                        {@code pregnancyWeeks} says
 */
public record Patient(int ageYears, Sex sex, @Nullable Integer pregnancyWeeks, @Nullable Integer postpartumWeeks,
                      @Nullable Boolean pregnant) {

    /** A patient whose pregnancy state is given by the weeks alone. */
    public Patient(int ageYears, Sex sex, @Nullable Integer pregnancyWeeks, @Nullable Integer postpartumWeeks) {
        this(ageYears, sex, pregnancyWeeks, postpartumWeeks, null);
    }
}
