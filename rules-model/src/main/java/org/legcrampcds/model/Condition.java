package org.legcrampcds.model;

/**
 * Known conditions (catalogue §2.4). {@link #HYPOGLYCAEMIA} means recurrent hypoglycaemia;
 * {@link #PREVIOUS_DVT} a documented DVT or PE; {@link #ACTIVE_CANCER} the NICE NG158 definition
 * (treatment ongoing or within 6 months, or palliative).
 */
public enum Condition {
    DIABETES,
    CHRONIC_KIDNEY_DISEASE,
    DIALYSIS,
    HYPOTHYROIDISM,
    CIRRHOSIS,
    PARKINSONS_DISEASE,
    PERIPHERAL_ARTERY_DISEASE,
    HEART_FAILURE,
    VARICOSE_VEINS,
    RESTLESS_LEGS_SYNDROME,
    LUMBAR_SPINAL_STENOSIS,
    HERNIATED_DISC,
    PERIPHERAL_NEUROPATHY,
    ALCOHOL_USE_DISORDER,
    ANAEMIA,
    ADDISONS_DISEASE,
    HYPOGLYCAEMIA,
    FLAT_FEET,
    PREVIOUS_DVT,
    ACTIVE_CANCER
}
