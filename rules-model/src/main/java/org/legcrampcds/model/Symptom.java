package org.legcrampcds.model;

/**
 * Symptoms reported or observed now (catalogue §2.4). The rules rely on the catalogue's
 * definitions, for example {@link #COLD_PALE_LEG} means newly cold <em>and</em> pale, not simply
 * "feels cold", and {@link #DIARRHOEA}, {@link #VOMITING} and {@link #HEAVY_SWEATING} mean
 * current or within the last 7 days.
 */
public enum Symptom {
    CALF_SWELLING_UNILATERAL,
    LEG_REDNESS,
    LEG_WARMTH,
    CALF_TENDERNESS,
    PAIN_ON_WALKING_RELIEVED_BY_REST,
    COLD_PALE_LEG,
    NUMBNESS,
    TINGLING,
    BURNING_FEET,
    MUSCLE_WEAKNESS,
    MUSCLE_WASTING,
    FASCICULATIONS,
    LOW_BACK_PAIN,
    RADIATING_LEG_PAIN,
    SADDLE_NUMBNESS,
    BLADDER_OR_BOWEL_DYSFUNCTION,
    DIFFUSE_MUSCLE_PAIN,
    DARK_URINE,
    URGE_TO_MOVE_LEGS_AT_REST,
    DIARRHOEA,
    VOMITING,
    HEAVY_SWEATING,
    SHORTNESS_OF_BREATH,
    CHEST_PAIN;

    /**
     * Whether a RED_FLAG or SAFETY trigger reads it (catalogue §11.3): every symptom except the urge to
     * move the legs, which only the restless-legs mimic reads. Self-care is withheld while any safety
     * input is not recorded.
     */
    public boolean isSafetyInput() {
        return this != URGE_TO_MOVE_LEGS_AT_REST;
    }
}
