package org.legcrampcds.rules;

import org.legcrampcds.model.LabTest;

/**
 * The derived clinical states of catalogue §3 that an {@link Indicator} establishes: written by the
 * {@code derive} rules of {@code 10-derive.drl}, read by every later layer as
 * {@code Indicator( state == State.K_LOW )}. A state's criterion is written once, in the derive rule
 * that writes it (named in parentheses below), never here. Being constants rather than strings, a misspelt state
 * does not compile (the rule base is rejected with the file and line), and an IDE completes and
 * finds them. {@code validate} still reports a state that rules read but none writes, or write but
 * none reads (LCC-R030, LCC-R031).
 *
 * <p>A lab state is named after the {@code thresholds.csv} row it meets where there is one
 * ({@code K_LOW}); the row holds the value, so a state's name never goes stale when a threshold is
 * edited. Adding a state is a change to the library, as adding a finding code is a change to the
 * catalogue: a rule directory combines these states, it does not invent new ones.
 */
public enum State {

    // ---------------------------------------------------------------- patient
    /** Pregnant, with or without a known gestational age. */
    PREGNANT,
    /** Recently given birth (DRV-POSTPARTUM-6W). */
    POSTPARTUM_6W,
    /** Older age (DRV-AGE-60). */
    AGE_60_PLUS,

    // ---------------------------------------------------------------- cramps
    /** Frequent cramps for several weeks (DRV-CRAMPS-FREQUENT). */
    FREQUENT_PERSISTENT_CRAMPS,
    /** Unusually long cramps (DRV-CRAMPS-LONG). */
    LONG_CRAMPS,

    // ---------------------------------------------------------------- history
    /** A recent long journey (DRV-TRAVEL-4H). */
    TRAVEL_4H,
    /** Long daily periods sitting or standing still (DRV-SITTING-8H). */
    SITTING_8H,
    /** Low daily fluid intake (DRV-LOW-FLUID). */
    LOW_FLUID_INTAKE,
    /** Alcohol above the weekly limit (DRV-ALCOHOL). */
    ALCOHOL_OVER_14,
    /** A current smoker. */
    SMOKER,
    /** Sleeps prone or with the toes pointed. */
    TOES_POINTED,
    /** Recent strenuous exercise (DRV-STRENUOUS). */
    STRENUOUS_EXERCISE,

    // ---------------------------------------------------------------- combined states
    /** Any one VTE risk factor (catalogue {@code vteRisk}). */
    VTE_RISK,
    /** At least one sign of DVT ({@code dvtFeatureCount >= 1}). */
    DVT_FEATURES_1_PLUS,
    /** At least two signs of DVT. */
    DVT_FEATURES_2_PLUS,
    /** Heart failure, dialysis or cirrhosis: a fluid plan applies ({@code fluidPlanContext}). */
    FLUID_PLAN_CONTEXT,

    // ---------------------------------------------------------------- medicines
    /** A medicine linked with cramps ({@code crampDrug}). */
    CRAMP_DRUG,
    /** A medicine started shortly before the cramps began. */
    NEW_DRUG,

    // ---------------------------------------------------------------- labs not supplied (see absent)
    ABSENT_POTASSIUM,
    ABSENT_SODIUM,
    ABSENT_MAGNESIUM,
    ABSENT_ADJUSTED_CALCIUM,
    ABSENT_GLUCOSE,
    ABSENT_HBA1C,
    ABSENT_CK,
    ABSENT_EGFR,
    ABSENT_TSH,
    ABSENT_HAEMOGLOBIN,

    // ---------------------------------------------------------------- labs: the thresholds.csv row met
    K_LOW,
    K_SEVERE_LOW,
    K_CRITICAL_LOW,
    K_RAISED,
    K_CRITICAL_HIGH,
    K_SEVERE_HIGH,
    NA_LOW,
    NA_MODERATE_LOW,
    NA_PROFOUND_LOW,
    NA_CRITICAL_HIGH,
    MG_LOW,
    MG_SEVERE_LOW,
    MG_CRITICAL_HIGH,
    CA_LOW,
    CA_SEVERE_LOW,
    CA_CRITICAL_HIGH,
    CA_SEVERE_HIGH,
    GLUCOSE_LOW,
    GLUCOSE_CRITICAL_LOW,
    GLUCOSE_HIGH,
    HBA1C_DIABETES_RANGE,
    CK_5X,
    CK_25X,
    EGFR_CKD_G3_PLUS,
    EGFR_CKD_G4_PLUS,
    EGFR_CRITICAL_LOW,
    /** TSH above its upper limit of normal ({@code tshUln}). */
    TSH_ABOVE_ULN,
    /** Anaemia by the threshold of the patient's sex and pregnancy. */
    HB_ANAEMIA,
    HB_CRITICAL;

    /** The prefix of the states that say a lab test was not supplied. */
    public static final String ABSENT_PREFIX = "ABSENT_";

    /** The state that says {@code test} was not supplied (or was stale, so set aside). */
    public static State absent(LabTest test) {
        return switch (test) {
            case POTASSIUM -> ABSENT_POTASSIUM;
            case SODIUM -> ABSENT_SODIUM;
            case MAGNESIUM -> ABSENT_MAGNESIUM;
            case ADJUSTED_CALCIUM -> ABSENT_ADJUSTED_CALCIUM;
            case GLUCOSE -> ABSENT_GLUCOSE;
            case HBA1C -> ABSENT_HBA1C;
            case CK -> ABSENT_CK;
            case EGFR -> ABSENT_EGFR;
            case TSH -> ABSENT_TSH;
            case HAEMOGLOBIN -> ABSENT_HAEMOGLOBIN;
        };
    }
}
