package org.legcrampcds.model;

/**
 * The patient (catalogue §2.1). Validated as part of a {@link PatientCase}.
 *
 * @param ageYears        age in whole years, 18 to 120 (adults only)
 * @param sex             recorded sex; never gates pregnancy
 * @param pregnancyWeeks  weeks of pregnancy 1-42, or {@code null} when not pregnant
 * @param postpartumWeeks weeks since delivery 0-52, or {@code null}; never set together with
 *                        {@code pregnancyWeeks}
 */
public record Patient(int ageYears, Sex sex, Integer pregnancyWeeks, Integer postpartumWeeks) {
}
