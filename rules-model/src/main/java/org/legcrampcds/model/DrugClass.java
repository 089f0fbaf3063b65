package org.legcrampcds.model;

/**
 * Medication classes (catalogue §2.5). The class given with a medication is authoritative for the
 * rules; {@link GenericDrugNames} rejects a listed generic name entered under another class.
 * Antiplatelets are not {@link #ANTICOAGULANT}s.
 */
public enum DrugClass {
    LOOP_DIURETIC,
    THIAZIDE_DIURETIC,
    POTASSIUM_SPARING_DIURETIC,
    STATIN,
    BETA2_AGONIST,
    CALCIUM_CHANNEL_BLOCKER,
    ACE_INHIBITOR,
    ANGIOTENSIN_RECEPTOR_BLOCKER,
    ORAL_CONTRACEPTIVE,
    ESTROGEN_HRT,
    RALOXIFENE,
    TERIPARATIDE,
    LITHIUM,
    QUININE,
    MAGNESIUM_SUPPLEMENT,
    POTASSIUM_SUPPLEMENT,
    ANTICOAGULANT,
    /** Anything not listed above, for example naproxen or omeprazole. */
    OTHER
}
