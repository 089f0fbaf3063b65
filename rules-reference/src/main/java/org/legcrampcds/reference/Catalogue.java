package org.legcrampcds.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of clinical catalogue v2.2, typed in by hand from the catalogue text
 * (independent of the project's code). Everything here is precomputed once.
 */
public final class Catalogue {

    private Catalogue() {
    }

    // ------------------------------------------------------------------ urgencies (§4)

    public static final List<String> URGENCIES =
            List.of("EMERGENCY", "URGENT", "SOON", "ROUTINE", "INFO");
    static final int EMERGENCY = 0;
    static final int URGENT = 1;
    static final int SOON = 2;
    static final int ROUTINE = 3;
    static final int INFO = 4;

    // ------------------------------------------------------------------ the 60 codes (§5)

    // RED_FLAG (17)
    static final int RF_DVT_SUSPECTED = 0;
    static final int RF_PE_SUSPECTED = 1;
    static final int RF_CARDIORESPIRATORY_SYMPTOMS = 2;
    static final int RF_ACUTE_LIMB_ISCHAEMIA = 3;
    static final int RF_PAD_CLAUDICATION = 4;
    static final int RF_PERIPHERAL_NEUROPATHY = 5;
    static final int RF_NERVE_ROOT_COMPRESSION = 6;
    static final int RF_CAUDA_EQUINA = 7;
    static final int RF_SPINAL_METASTASIS_RISK = 8;
    static final int RF_NEUROMUSCULAR_DISEASE = 9;
    static final int RF_STATIN_MYOPATHY = 10;
    static final int RF_RHABDOMYOLYSIS_SUSPECTED = 11;
    static final int RF_SEVERE_ELECTROLYTE_DISTURBANCE = 12;
    static final int RF_CRITICAL_LAB_VALUE = 13;
    static final int RF_ADRENAL_CRISIS_RISK = 14;
    static final int RF_LITHIUM_TOXICITY_RISK = 15;
    static final int RF_PERSISTENT_CRAMPS = 16;
    // CAUSE (16)
    static final int CAUSE_HYPOKALAEMIA = 17;
    static final int CAUSE_HYPOMAGNESAEMIA = 18;
    static final int CAUSE_HYPOCALCAEMIA = 19;
    static final int CAUSE_HYPONATRAEMIA = 20;
    static final int CAUSE_ELECTROLYTE_LOSS = 21;
    static final int CAUSE_DEHYDRATION = 22;
    static final int CAUSE_PREGNANCY = 23;
    static final int CAUSE_MUSCLE_FATIGUE = 24;
    static final int CAUSE_PROLONGED_SITTING_OR_STANDING = 25;
    static final int CAUSE_POOR_CIRCULATION = 26;
    static final int CAUSE_SLEEP_POSITION = 27;
    static final int CAUSE_MEDICAL_CONDITION = 28;
    static final int CAUSE_AGE = 29;
    static final int CAUSE_FLAT_FEET = 30;
    static final int CAUSE_LIFESTYLE = 31;
    static final int CAUSE_RESTLESS_LEGS_MIMIC = 32;
    // MEDICATION_REVIEW (3)
    static final int MED_REVIEW_CRAMP_INDUCING_DRUG = 33;
    static final int MED_REVIEW_NEW_DRUG = 34;
    static final int MED_REVIEW_QUININE = 35;
    // INVESTIGATION (6)
    static final int INV_ELECTROLYTES = 36;
    static final int INV_CK = 37;
    static final int INV_GLUCOSE = 38;
    static final int INV_TSH = 39;
    static final int INV_DVT_WORKUP = 40;
    static final int INV_ABPI = 41;
    // SAFETY (8)
    static final int SAFETY_EMERGENCY_FIRST = 42;
    static final int SAFETY_NO_MASSAGE_SUSPECTED_DVT = 43;
    static final int SAFETY_HEAT_REDUCED_SENSATION = 44;
    static final int SAFETY_FLUID_RESTRICTION = 45;
    static final int SAFETY_NO_MAGNESIUM_SUPPLEMENT_RENAL = 46;
    static final int SAFETY_POTASSIUM_CAUTION = 47;
    static final int SAFETY_QUININE = 48;
    static final int SAFETY_MAGNESIUM_EVIDENCE = 49;
    // SELF_CARE (10)
    static final int SC_STRETCHING = 50;
    static final int SC_ACUTE_CRAMP_RELIEF = 51;
    static final int SC_HYDRATION = 52;
    static final int SC_MINERAL_RICH_DIET = 53;
    static final int SC_HEAT = 54;
    static final int SC_MASSAGE = 55;
    static final int SC_SLEEP_POSITION = 56;
    static final int SC_MOVEMENT_BREAKS = 57;
    static final int SC_LOOSE_CLOTHING = 58;
    static final int SC_EXERCISE_TIMING = 59;

    static final int CODE_COUNT = 60;

    static final String[] CODE = {
        "RF_DVT_SUSPECTED", "RF_PE_SUSPECTED", "RF_CARDIORESPIRATORY_SYMPTOMS",
        "RF_ACUTE_LIMB_ISCHAEMIA", "RF_PAD_CLAUDICATION", "RF_PERIPHERAL_NEUROPATHY",
        "RF_NERVE_ROOT_COMPRESSION", "RF_CAUDA_EQUINA", "RF_SPINAL_METASTASIS_RISK",
        "RF_NEUROMUSCULAR_DISEASE", "RF_STATIN_MYOPATHY", "RF_RHABDOMYOLYSIS_SUSPECTED",
        "RF_SEVERE_ELECTROLYTE_DISTURBANCE", "RF_CRITICAL_LAB_VALUE", "RF_ADRENAL_CRISIS_RISK",
        "RF_LITHIUM_TOXICITY_RISK", "RF_PERSISTENT_CRAMPS",
        "CAUSE_HYPOKALAEMIA", "CAUSE_HYPOMAGNESAEMIA", "CAUSE_HYPOCALCAEMIA",
        "CAUSE_HYPONATRAEMIA", "CAUSE_ELECTROLYTE_LOSS", "CAUSE_DEHYDRATION", "CAUSE_PREGNANCY",
        "CAUSE_MUSCLE_FATIGUE", "CAUSE_PROLONGED_SITTING_OR_STANDING", "CAUSE_POOR_CIRCULATION",
        "CAUSE_SLEEP_POSITION", "CAUSE_MEDICAL_CONDITION", "CAUSE_AGE", "CAUSE_FLAT_FEET",
        "CAUSE_LIFESTYLE", "CAUSE_RESTLESS_LEGS_MIMIC",
        "MED_REVIEW_CRAMP_INDUCING_DRUG", "MED_REVIEW_NEW_DRUG", "MED_REVIEW_QUININE",
        "INV_ELECTROLYTES", "INV_CK", "INV_GLUCOSE", "INV_TSH", "INV_DVT_WORKUP", "INV_ABPI",
        "SAFETY_EMERGENCY_FIRST", "SAFETY_NO_MASSAGE_SUSPECTED_DVT",
        "SAFETY_HEAT_REDUCED_SENSATION", "SAFETY_FLUID_RESTRICTION",
        "SAFETY_NO_MAGNESIUM_SUPPLEMENT_RENAL", "SAFETY_POTASSIUM_CAUTION", "SAFETY_QUININE",
        "SAFETY_MAGNESIUM_EVIDENCE",
        "SC_STRETCHING", "SC_ACUTE_CRAMP_RELIEF", "SC_HYDRATION", "SC_MINERAL_RICH_DIET",
        "SC_HEAT", "SC_MASSAGE", "SC_SLEEP_POSITION", "SC_MOVEMENT_BREAKS", "SC_LOOSE_CLOTHING",
        "SC_EXERCISE_TIMING",
    };

    static final int[] URGENCY = {
        // RED_FLAG
        URGENT, EMERGENCY, URGENT, EMERGENCY, SOON, SOON, SOON, EMERGENCY, URGENT, SOON, URGENT,
        EMERGENCY, EMERGENCY, URGENT, URGENT, URGENT, ROUTINE,
        // CAUSE
        SOON, SOON, SOON, SOON, ROUTINE, INFO, INFO, INFO, INFO, ROUTINE, INFO, ROUTINE, INFO,
        INFO, INFO, ROUTINE,
        // MEDICATION_REVIEW
        ROUTINE, ROUTINE, SOON,
        // INVESTIGATION
        ROUTINE, SOON, ROUTINE, ROUTINE, URGENT, SOON,
        // SAFETY
        INFO, INFO, INFO, INFO, SOON, INFO, INFO, INFO,
        // SELF_CARE
        INFO, INFO, INFO, INFO, INFO, INFO, INFO, INFO, INFO, INFO,
    };

    static final long RED_FLAG_MASK = (1L << 17) - 1;
    static final long SELF_CARE_MASK = ((1L << 10) - 1) << SC_STRETCHING;

    /** Code indices ordered by urgency (EMERGENCY first), then code (String order). */
    static final int[] OUTPUT_ORDER;

    private static final Map<String, Integer> CODE_INDEX = new HashMap<>();

    /** All 60 codes, in catalogue order. */
    public static final List<String> ALL_CODES = List.of(CODE);

    public static String urgencyOf(String code) {
        Integer i = CODE_INDEX.get(code);
        if (i == null) {
            throw new IllegalArgumentException("unknown code " + code);
        }
        return URGENCIES.get(URGENCY[i]);
    }

    public static String categoryOf(String code) {
        int i = CODE_INDEX.get(code);
        if (i < 17) {
            return "RED_FLAG";
        } else if (i < 33) {
            return "CAUSE";
        } else if (i < 36) {
            return "MEDICATION_REVIEW";
        } else if (i < 42) {
            return "INVESTIGATION";
        } else if (i < 50) {
            return "SAFETY";
        }
        return "SELF_CARE";
    }

    static int urgencyRank(String code) {
        return URGENCY[CODE_INDEX.get(code)];
    }

    // ------------------------------------------------------------------ symptoms (§2.4)

    static final int S_CALF_SWELLING_UNILATERAL = 0;
    static final int S_LEG_REDNESS = 1;
    static final int S_LEG_WARMTH = 2;
    static final int S_CALF_TENDERNESS = 3;
    static final int S_PAIN_ON_WALKING_RELIEVED_BY_REST = 4;
    static final int S_COLD_PALE_LEG = 5;
    static final int S_NUMBNESS = 6;
    static final int S_TINGLING = 7;
    static final int S_BURNING_FEET = 8;
    static final int S_MUSCLE_WEAKNESS = 9;
    static final int S_MUSCLE_WASTING = 10;
    static final int S_FASCICULATIONS = 11;
    static final int S_LOW_BACK_PAIN = 12;
    static final int S_RADIATING_LEG_PAIN = 13;
    static final int S_SADDLE_NUMBNESS = 14;
    static final int S_BLADDER_OR_BOWEL_DYSFUNCTION = 15;
    static final int S_DIFFUSE_MUSCLE_PAIN = 16;
    static final int S_DARK_URINE = 17;
    static final int S_URGE_TO_MOVE_LEGS_AT_REST = 18;
    static final int S_DIARRHOEA = 19;
    static final int S_VOMITING = 20;
    static final int S_HEAVY_SWEATING = 21;
    static final int S_SHORTNESS_OF_BREATH = 22;
    static final int S_CHEST_PAIN = 23;

    public static final List<String> SYMPTOMS = List.of(
            "CALF_SWELLING_UNILATERAL", "LEG_REDNESS", "LEG_WARMTH", "CALF_TENDERNESS",
            "PAIN_ON_WALKING_RELIEVED_BY_REST", "COLD_PALE_LEG", "NUMBNESS", "TINGLING",
            "BURNING_FEET", "MUSCLE_WEAKNESS", "MUSCLE_WASTING", "FASCICULATIONS",
            "LOW_BACK_PAIN", "RADIATING_LEG_PAIN", "SADDLE_NUMBNESS",
            "BLADDER_OR_BOWEL_DYSFUNCTION", "DIFFUSE_MUSCLE_PAIN", "DARK_URINE",
            "URGE_TO_MOVE_LEGS_AT_REST", "DIARRHOEA", "VOMITING", "HEAVY_SWEATING",
            "SHORTNESS_OF_BREATH", "CHEST_PAIN");

    static final int ALL_SYMPTOMS_MASK = (1 << 24) - 1;
    /** §11.3: every symptom except URGE_TO_MOVE_LEGS_AT_REST is a safety input. */
    static final int SAFETY_SYMPTOMS_MASK = ALL_SYMPTOMS_MASK & ~(1 << S_URGE_TO_MOVE_LEGS_AT_REST);

    static final Map<String, Integer> SYMPTOM_INDEX = indexOf(SYMPTOMS);

    // ------------------------------------------------------------------ conditions (§2.4)

    static final int C_DIABETES = 0;
    static final int C_CHRONIC_KIDNEY_DISEASE = 1;
    static final int C_DIALYSIS = 2;
    static final int C_HYPOTHYROIDISM = 3;
    static final int C_CIRRHOSIS = 4;
    static final int C_PARKINSONS_DISEASE = 5;
    static final int C_PERIPHERAL_ARTERY_DISEASE = 6;
    static final int C_HEART_FAILURE = 7;
    static final int C_VARICOSE_VEINS = 8;
    static final int C_RESTLESS_LEGS_SYNDROME = 9;
    static final int C_LUMBAR_SPINAL_STENOSIS = 10;
    static final int C_HERNIATED_DISC = 11;
    static final int C_PERIPHERAL_NEUROPATHY = 12;
    static final int C_ALCOHOL_USE_DISORDER = 13;
    static final int C_ANAEMIA = 14;
    static final int C_ADDISONS_DISEASE = 15;
    static final int C_HYPOGLYCAEMIA = 16;
    static final int C_FLAT_FEET = 17;
    static final int C_PREVIOUS_DVT = 18;
    static final int C_ACTIVE_CANCER = 19;

    public static final List<String> CONDITIONS = List.of(
            "DIABETES", "CHRONIC_KIDNEY_DISEASE", "DIALYSIS", "HYPOTHYROIDISM", "CIRRHOSIS",
            "PARKINSONS_DISEASE", "PERIPHERAL_ARTERY_DISEASE", "HEART_FAILURE", "VARICOSE_VEINS",
            "RESTLESS_LEGS_SYNDROME", "LUMBAR_SPINAL_STENOSIS", "HERNIATED_DISC",
            "PERIPHERAL_NEUROPATHY", "ALCOHOL_USE_DISORDER", "ANAEMIA", "ADDISONS_DISEASE",
            "HYPOGLYCAEMIA", "FLAT_FEET", "PREVIOUS_DVT", "ACTIVE_CANCER");

    static final Map<String, Integer> CONDITION_INDEX = indexOf(CONDITIONS);

    // ------------------------------------------------------------------ drug classes (§2.5)

    static final int D_LOOP_DIURETIC = 0;
    static final int D_THIAZIDE_DIURETIC = 1;
    static final int D_POTASSIUM_SPARING_DIURETIC = 2;
    static final int D_STATIN = 3;
    static final int D_BETA2_AGONIST = 4;
    static final int D_CALCIUM_CHANNEL_BLOCKER = 5;
    static final int D_ACE_INHIBITOR = 6;
    static final int D_ANGIOTENSIN_RECEPTOR_BLOCKER = 7;
    static final int D_ORAL_CONTRACEPTIVE = 8;
    static final int D_ESTROGEN_HRT = 9;
    static final int D_RALOXIFENE = 10;
    static final int D_TERIPARATIDE = 11;
    static final int D_LITHIUM = 12;
    static final int D_QUININE = 13;
    static final int D_MAGNESIUM_SUPPLEMENT = 14;
    static final int D_POTASSIUM_SUPPLEMENT = 15;
    static final int D_ANTICOAGULANT = 16;
    static final int D_OTHER = 17;

    public static final List<String> DRUG_CLASSES = List.of(
            "LOOP_DIURETIC", "THIAZIDE_DIURETIC", "POTASSIUM_SPARING_DIURETIC", "STATIN",
            "BETA2_AGONIST", "CALCIUM_CHANNEL_BLOCKER", "ACE_INHIBITOR",
            "ANGIOTENSIN_RECEPTOR_BLOCKER", "ORAL_CONTRACEPTIVE", "ESTROGEN_HRT", "RALOXIFENE",
            "TERIPARATIDE", "LITHIUM", "QUININE", "MAGNESIUM_SUPPLEMENT", "POTASSIUM_SUPPLEMENT",
            "ANTICOAGULANT", "OTHER");

    static final Map<String, Integer> DRUG_CLASS_INDEX = indexOf(DRUG_CLASSES);

    /** §3 crampDrug: classes that always count. */
    static final int CRAMP_DRUG_CLASS_MASK = (1 << D_LOOP_DIURETIC) | (1 << D_THIAZIDE_DIURETIC)
            | (1 << D_POTASSIUM_SPARING_DIURETIC) | (1 << D_STATIN) | (1 << D_BETA2_AGONIST)
            | (1 << D_ANGIOTENSIN_RECEPTOR_BLOCKER) | (1 << D_ORAL_CONTRACEPTIVE)
            | (1 << D_ESTROGEN_HRT) | (1 << D_RALOXIFENE) | (1 << D_TERIPARATIDE)
            | (1 << D_LITHIUM);

    /** §3 crampDrug: CALCIUM_CHANNEL_BLOCKER by name (trimmed, lower-cased, exact). */
    static final java.util.Set<String> CRAMP_CCB_NAMES =
            java.util.Set.of("nifedipine", "amlodipine", "felodipine", "lercanidipine");
    /** §3 crampDrug: OTHER by name. */
    static final java.util.Set<String> CRAMP_OTHER_NAMES = java.util.Set.of("naproxen", "iron sucrose");

    /** §2.5 generic-name table (57 names), name -> drugClass. */
    public static final Map<String, String> GENERIC_NAMES;

    static {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("furosemide", "LOOP_DIURETIC");
        g.put("bumetanide", "LOOP_DIURETIC");
        g.put("torasemide", "LOOP_DIURETIC");
        g.put("bendroflumethiazide", "THIAZIDE_DIURETIC");
        g.put("hydrochlorothiazide", "THIAZIDE_DIURETIC");
        g.put("indapamide", "THIAZIDE_DIURETIC");
        g.put("chlortalidone", "THIAZIDE_DIURETIC");
        g.put("metolazone", "THIAZIDE_DIURETIC");
        g.put("spironolactone", "POTASSIUM_SPARING_DIURETIC");
        g.put("eplerenone", "POTASSIUM_SPARING_DIURETIC");
        g.put("amiloride", "POTASSIUM_SPARING_DIURETIC");
        g.put("triamterene", "POTASSIUM_SPARING_DIURETIC");
        g.put("atorvastatin", "STATIN");
        g.put("simvastatin", "STATIN");
        g.put("rosuvastatin", "STATIN");
        g.put("pravastatin", "STATIN");
        g.put("salbutamol", "BETA2_AGONIST");
        g.put("terbutaline", "BETA2_AGONIST");
        g.put("salmeterol", "BETA2_AGONIST");
        g.put("formoterol", "BETA2_AGONIST");
        g.put("amlodipine", "CALCIUM_CHANNEL_BLOCKER");
        g.put("nifedipine", "CALCIUM_CHANNEL_BLOCKER");
        g.put("felodipine", "CALCIUM_CHANNEL_BLOCKER");
        g.put("lercanidipine", "CALCIUM_CHANNEL_BLOCKER");
        g.put("diltiazem", "CALCIUM_CHANNEL_BLOCKER");
        g.put("verapamil", "CALCIUM_CHANNEL_BLOCKER");
        g.put("ramipril", "ACE_INHIBITOR");
        g.put("lisinopril", "ACE_INHIBITOR");
        g.put("enalapril", "ACE_INHIBITOR");
        g.put("perindopril", "ACE_INHIBITOR");
        g.put("losartan", "ANGIOTENSIN_RECEPTOR_BLOCKER");
        g.put("candesartan", "ANGIOTENSIN_RECEPTOR_BLOCKER");
        g.put("valsartan", "ANGIOTENSIN_RECEPTOR_BLOCKER");
        g.put("irbesartan", "ANGIOTENSIN_RECEPTOR_BLOCKER");
        g.put("ethinylestradiol/levonorgestrel", "ORAL_CONTRACEPTIVE");
        g.put("desogestrel", "ORAL_CONTRACEPTIVE");
        g.put("estradiol", "ESTROGEN_HRT");
        g.put("conjugated estrogens", "ESTROGEN_HRT");
        g.put("raloxifene", "RALOXIFENE");
        g.put("teriparatide", "TERIPARATIDE");
        g.put("lithium carbonate", "LITHIUM");
        g.put("quinine sulfate", "QUININE");
        g.put("quinine bisulfate", "QUININE");
        g.put("magnesium oxide", "MAGNESIUM_SUPPLEMENT");
        g.put("magnesium glycerophosphate", "MAGNESIUM_SUPPLEMENT");
        g.put("magnesium aspartate", "MAGNESIUM_SUPPLEMENT");
        g.put("magnesium citrate", "MAGNESIUM_SUPPLEMENT");
        g.put("magnesium glycinate", "MAGNESIUM_SUPPLEMENT");
        g.put("potassium chloride", "POTASSIUM_SUPPLEMENT");
        g.put("warfarin", "ANTICOAGULANT");
        g.put("apixaban", "ANTICOAGULANT");
        g.put("rivaroxaban", "ANTICOAGULANT");
        g.put("edoxaban", "ANTICOAGULANT");
        g.put("dabigatran", "ANTICOAGULANT");
        g.put("enoxaparin", "ANTICOAGULANT");
        g.put("naproxen", "OTHER");
        g.put("iron sucrose", "OTHER");
        GENERIC_NAMES = Collections.unmodifiableMap(g);
    }

    // ------------------------------------------------------------------ labs (§2.6, §12)

    static final int L_POTASSIUM = 0;
    static final int L_SODIUM = 1;
    static final int L_MAGNESIUM = 2;
    static final int L_ADJUSTED_CALCIUM = 3;
    static final int L_GLUCOSE = 4;
    static final int L_HBA1C = 5;
    static final int L_CK = 6;
    static final int L_EGFR = 7;
    static final int L_TSH = 8;
    static final int L_HAEMOGLOBIN = 9;

    public static final List<String> LAB_TESTS = List.of("POTASSIUM", "SODIUM", "MAGNESIUM",
            "ADJUSTED_CALCIUM", "GLUCOSE", "HBA1C", "CK", "EGFR", "TSH", "HAEMOGLOBIN");

    static final Map<String, Integer> LAB_INDEX = indexOf(LAB_TESTS);

    /** §12 freshness windows (days), by lab index. */
    static final int[] WINDOW_DAYS = {30, 30, 30, 30, 30, 180, 30, 90, 365, 90};
    /** §2.6 rounding (decimal places), by lab index. */
    static final int[] SCALE = {2, 2, 2, 2, 1, 0, 0, 0, 2, 0};
    /** §2.6 plausible ranges (inclusive), by lab index. */
    static final BigDecimal[] MIN = {bd("1.0"), bd("90"), bd("0.1"), bd("0.5"), bd("0.5"),
        bd("15"), bd("1"), bd("0"), bd("0.01"), bd("20")};
    static final BigDecimal[] MAX = {bd("10.0"), bd("200"), bd("5.0"), bd("5.0"), bd("60"),
        bd("200"), bd("500000"), bd("200"), bd("500"), bd("250")};

    public static int windowDays(String test) {
        return WINDOW_DAYS[LAB_INDEX.get(test)];
    }

    public static BigDecimal plausibleMin(String test) {
        return MIN[LAB_INDEX.get(test)];
    }

    public static BigDecimal plausibleMax(String test) {
        return MAX[LAB_INDEX.get(test)];
    }

    public static int scale(String test) {
        return SCALE[LAB_INDEX.get(test)];
    }

    /** Kinds of unit conversion. */
    enum ConvKind { MULTIPLY, DIVIDE, HBA1C_PERCENT }

    record Conversion(ConvKind kind, BigDecimal factor) {
    }

    private static final MathContext DIV = MathContext.DECIMAL128;
    private static final BigDecimal HBA1C_OFFSET = bd("2.15");
    private static final BigDecimal HBA1C_FACTOR = bd("10.929");

    /** Per lab index: normalised unit -> conversion. */
    @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is created raw
    static final Map<String, Conversion>[] UNITS = new Map[10];

    /** Accepted units as the catalogue writes them, per test (used by the generator). */
    public static final Map<String, List<String>> ACCEPTED_UNITS;

    static {
        Conversion one = new Conversion(ConvKind.MULTIPLY, BigDecimal.ONE);
        Conversion half = new Conversion(ConvKind.MULTIPLY, bd("0.5"));
        for (int i = 0; i < 10; i++) {
            UNITS[i] = new HashMap<>();
        }
        UNITS[L_POTASSIUM].put("mmol/l", one);
        UNITS[L_POTASSIUM].put("meq/l", one);
        UNITS[L_SODIUM].put("mmol/l", one);
        UNITS[L_SODIUM].put("meq/l", one);
        UNITS[L_MAGNESIUM].put("mmol/l", one);
        UNITS[L_MAGNESIUM].put("mg/dl", new Conversion(ConvKind.DIVIDE, bd("2.4305")));
        UNITS[L_MAGNESIUM].put("meq/l", half);
        UNITS[L_ADJUSTED_CALCIUM].put("mmol/l", one);
        UNITS[L_ADJUSTED_CALCIUM].put("mg/dl", new Conversion(ConvKind.DIVIDE, bd("4.008")));
        UNITS[L_ADJUSTED_CALCIUM].put("meq/l", half);
        UNITS[L_GLUCOSE].put("mmol/l", one);
        UNITS[L_GLUCOSE].put("mg/dl", new Conversion(ConvKind.DIVIDE, bd("18.016")));
        UNITS[L_HBA1C].put("mmol/mol", one);
        UNITS[L_HBA1C].put("%", new Conversion(ConvKind.HBA1C_PERCENT, null));
        UNITS[L_CK].put("u/l", one);
        UNITS[L_CK].put("iu/l", one);
        UNITS[L_EGFR].put("ml/min/1.73m2", one);
        UNITS[L_TSH].put("mu/l", one);
        UNITS[L_TSH].put("miu/l", one);
        UNITS[L_TSH].put("uiu/ml", one);
        UNITS[L_HAEMOGLOBIN].put("g/l", one);
        UNITS[L_HAEMOGLOBIN].put("g/dl", new Conversion(ConvKind.MULTIPLY, bd("10")));

        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("POTASSIUM", List.of("mmol/L", "mEq/L"));
        a.put("SODIUM", List.of("mmol/L", "mEq/L"));
        a.put("MAGNESIUM", List.of("mmol/L", "mg/dL", "mEq/L"));
        a.put("ADJUSTED_CALCIUM", List.of("mmol/L", "mg/dL", "mEq/L"));
        a.put("GLUCOSE", List.of("mmol/L", "mg/dL"));
        a.put("HBA1C", List.of("mmol/mol", "%"));
        a.put("CK", List.of("U/L", "IU/L"));
        a.put("EGFR", List.of("mL/min/1.73m2", "ml/min/1.73 m²"));
        a.put("TSH", List.of("mU/L", "mIU/L", "µIU/mL", "uIU/mL"));
        a.put("HAEMOGLOBIN", List.of("g/L", "g/dL"));
        ACCEPTED_UNITS = Collections.unmodifiableMap(a);
    }

    /**
     * §2.6 step 1: remove all whitespace, lower-case, µ and μ as u, ² as 2. A plain char loop
     * (no regex).
     */
    public static String normaliseUnit(String unit) {
        StringBuilder sb = new StringBuilder(unit.length());
        for (int i = 0; i < unit.length(); i++) {
            char ch = unit.charAt(i);
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                continue;
            }
            if (ch == '\u00B5' || ch == '\u03BC') {
                sb.append('u');
            } else if (ch == '\u00B2') {
                sb.append('2');
            } else {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }

    /** Whether {@code unit} is accepted for {@code test} (§2.6). */
    public static boolean acceptsUnit(String test, String unit) {
        return UNITS[LAB_INDEX.get(test)].containsKey(normaliseUnit(unit));
    }

    /**
     * §2.6 steps 1-3 and §2.8 item 1: converts a value as written to the rounded canonical
     * value. Divisions are carried at 34 significant digits (DECIMAL128), then rounded half-up.
     *
     * @throws IllegalArgumentException for an unsupported unit
     */
    public static BigDecimal toCanonical(String test, BigDecimal value, String unit) {
        int t = LAB_INDEX.get(test);
        return toCanonical(t, value, unit);
    }

    static BigDecimal toCanonical(int t, BigDecimal value, String unit) {
        Conversion c = UNITS[t].get(normaliseUnit(unit));
        if (c == null) {
            throw new IllegalArgumentException("unsupported unit '" + unit + "' for " + LAB_TESTS.get(t));
        }
        BigDecimal v;
        switch (c.kind()) {
            case MULTIPLY:
                v = value.multiply(c.factor());
                break;
            case DIVIDE:
                v = value.divide(c.factor(), DIV);
                break;
            default:
                v = value.subtract(HBA1C_OFFSET).multiply(HBA1C_FACTOR);
                break;
        }
        return v.setScale(SCALE[t], RoundingMode.HALF_UP);
    }

    /** Whether a rounded canonical value is within the plausible range of the test. */
    public static boolean plausible(String test, BigDecimal canonical) {
        int t = LAB_INDEX.get(test);
        return canonical.compareTo(MIN[t]) >= 0 && canonical.compareTo(MAX[t]) <= 0;
    }

    // ------------------------------------------------------------------ §11 inputs

    public static final List<String> CRAMPS_FIELDS =
            List.of("nightsPerWeek", "durationMinutes", "sites", "side", "weeksSinceOnset");
    public static final List<String> HISTORY_FIELDS = List.of("longTravelHoursLast14Days",
            "immobilisedLast28Days", "majorSurgeryLast84Days", "strenuousExerciseLast48Hours",
            "sittingOrStandingHoursPerDay", "fluidIntakeLitresPerDay", "alcoholUnitsPerWeek",
            "smoker", "sleepsWithToesPointedOrProne");

    /*
     * Safety inputs (§11.3) as ids 0..32: ids 0..23 are the symptoms (18, URGE, is never a
     * safety input), then the history, cramps and patient ones below.
     */
    static final int SI_TRAVEL = 24;
    static final int SI_IMMOBILISED = 25;
    static final int SI_SURGERY = 26;
    static final int SI_STRENUOUS = 27;
    static final int SI_NIGHTS = 28;
    static final int SI_WEEKS = 29;
    static final int SI_DURATION = 30;
    static final int SI_PREGNANCY_WEEKS = 31;
    static final int SI_POSTPARTUM_WEEKS = 32;
    static final int SI_COUNT = 33;

    static final String[] SAFETY_INPUT_NAME = new String[SI_COUNT];

    static {
        for (int i = 0; i < 24; i++) {
            SAFETY_INPUT_NAME[i] = "symptoms." + SYMPTOMS.get(i);
        }
        SAFETY_INPUT_NAME[SI_TRAVEL] = "history.longTravelHoursLast14Days";
        SAFETY_INPUT_NAME[SI_IMMOBILISED] = "history.immobilisedLast28Days";
        SAFETY_INPUT_NAME[SI_SURGERY] = "history.majorSurgeryLast84Days";
        SAFETY_INPUT_NAME[SI_STRENUOUS] = "history.strenuousExerciseLast48Hours";
        SAFETY_INPUT_NAME[SI_NIGHTS] = "cramps.nightsPerWeek";
        SAFETY_INPUT_NAME[SI_WEEKS] = "cramps.weeksSinceOnset";
        SAFETY_INPUT_NAME[SI_DURATION] = "cramps.durationMinutes";
        SAFETY_INPUT_NAME[SI_PREGNANCY_WEEKS] = "patient.pregnancyWeeks";
        SAFETY_INPUT_NAME[SI_POSTPARTUM_WEEKS] = "patient.postpartumWeeks";

        for (int i = 0; i < CODE_COUNT; i++) {
            CODE_INDEX.put(CODE[i], i);
        }
        Integer[] order = new Integer[CODE_COUNT];
        for (int i = 0; i < CODE_COUNT; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> URGENCY[a] != URGENCY[b]
                ? Integer.compare(URGENCY[a], URGENCY[b]) : CODE[a].compareTo(CODE[b]));
        OUTPUT_ORDER = new int[CODE_COUNT];
        for (int i = 0; i < CODE_COUNT; i++) {
            OUTPUT_ORDER[i] = order[i];
        }
    }

    // ------------------------------------------------------------------ helpers

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), i);
        }
        return Collections.unmodifiableMap(m);
    }
}
