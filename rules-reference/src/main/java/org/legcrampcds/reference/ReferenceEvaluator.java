package org.legcrampcds.reference;

import static org.legcrampcds.reference.Catalogue.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Independent plain-Java reference evaluator of clinical catalogue v2.2, written from the
 * catalogue text only. Input: one valid case document (catalogue §2, interfaces.md §1);
 * validation is not repeated here.
 *
 * <p>Numbers are read as exact {@link BigDecimal}: parse documents with {@link #MAPPER} (or
 * {@link #parse(String)}), which reads floats as BigDecimal and keeps trailing zeros, so no
 * value ever goes through {@code double}.
 */
public final class ReferenceEvaluator {

    /** Jackson mapper configured for exact decimals (never through double). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ReferenceEvaluator() {
    }

    // ------------------------------------------------------------------ thresholds

    private static final BigDecimal K_2_5 = bd("2.5");
    private static final BigDecimal K_3_0 = bd("3.0");
    private static final BigDecimal K_3_5 = bd("3.5");
    private static final BigDecimal K_5_5 = bd("5.5");
    private static final BigDecimal K_6_0 = bd("6.0");
    private static final BigDecimal K_6_5 = bd("6.5");
    private static final BigDecimal NA_125 = bd("125");
    private static final BigDecimal NA_130 = bd("130");
    private static final BigDecimal NA_135 = bd("135");
    private static final BigDecimal NA_150 = bd("150");
    private static final BigDecimal MG_0_50 = bd("0.50");
    private static final BigDecimal MG_0_70 = bd("0.70");
    private static final BigDecimal MG_2_00 = bd("2.00");
    private static final BigDecimal CA_1_90 = bd("1.90");
    private static final BigDecimal CA_2_20 = bd("2.20");
    private static final BigDecimal CA_3_00 = bd("3.00");
    private static final BigDecimal CA_3_50 = bd("3.50");
    private static final BigDecimal GLU_3_0 = bd("3.0");
    private static final BigDecimal GLU_3_9 = bd("3.9");
    private static final BigDecimal GLU_11_1 = bd("11.1");
    private static final BigDecimal HBA1C_48 = bd("48");
    private static final BigDecimal EGFR_15 = bd("15");
    private static final BigDecimal EGFR_30 = bd("30");
    private static final BigDecimal EGFR_60 = bd("60");
    private static final BigDecimal HB_70 = bd("70");
    private static final BigDecimal HB_110 = bd("110");
    private static final BigDecimal HB_120 = bd("120");
    private static final BigDecimal HB_130 = bd("130");
    private static final BigDecimal CK_ULN_DEFAULT = bd("200");
    private static final BigDecimal TSH_ULN_DEFAULT = bd("4.0");
    private static final BigDecimal FIVE = bd("5");
    private static final BigDecimal TWENTY_FIVE = bd("25");
    private static final BigDecimal SEVEN = bd("7");
    private static final BigDecimal NINETY = bd("90");
    private static final BigDecimal THREE = bd("3");
    private static final BigDecimal FOUR = bd("4");
    private static final BigDecimal EIGHT = bd("8");
    private static final BigDecimal TEN = bd("10");
    private static final BigDecimal FOURTEEN = bd("14");
    private static final BigDecimal FLUID_1_2 = bd("1.2");
    // §11.4 firing values
    private static final BigDecimal FIRE_TRAVEL = bd("336");
    private static final BigDecimal FIRE_NIGHTS = bd("7");
    private static final BigDecimal FIRE_WEEKS = bd("5200");
    private static final BigDecimal FIRE_DURATION = bd("240");
    private static final Integer FIRE_PREGNANCY_WEEKS = 20;
    private static final Integer FIRE_POSTPARTUM_WEEKS = 0;


    private static final int DVT_FEATURES = (1 << S_CALF_SWELLING_UNILATERAL)
            | (1 << S_CALF_TENDERNESS) | (1 << S_LEG_REDNESS) | (1 << S_LEG_WARMTH);

    private static final int COND_MEDICAL = bits(C_DIABETES, C_CHRONIC_KIDNEY_DISEASE, C_DIALYSIS,
            C_HYPOTHYROIDISM, C_CIRRHOSIS, C_PARKINSONS_DISEASE, C_HEART_FAILURE,
            C_LUMBAR_SPINAL_STENOSIS, C_HERNIATED_DISC, C_PERIPHERAL_NEUROPATHY,
            C_ALCOHOL_USE_DISORDER, C_ANAEMIA, C_ADDISONS_DISEASE, C_HYPOGLYCAEMIA);
    private static final int COND_FLUID_PLAN = bits(C_HEART_FAILURE, C_DIALYSIS, C_CIRRHOSIS);
    private static final int COND_ELECTROLYTE_CONTEXT = bits(C_CHRONIC_KIDNEY_DISEASE, C_DIALYSIS,
            C_CIRRHOSIS, C_ALCOHOL_USE_DISORDER, C_ADDISONS_DISEASE, C_HEART_FAILURE);
    private static final int SYM_LOSSES = bits(S_DIARRHOEA, S_VOMITING, S_HEAVY_SWEATING);
    private static final int DRUG_DIURETICS = bits(D_LOOP_DIURETIC, D_THIAZIDE_DIURETIC,
            D_POTASSIUM_SPARING_DIURETIC);
    private static final int DRUG_VTE = bits(D_ORAL_CONTRACEPTIVE, D_ESTROGEN_HRT, D_RALOXIFENE);

    // ------------------------------------------------------------------ facts

    /** Normalised input facts. A not-recorded number is null, a not-recorded boolean false. */
    static final class Facts {
        int age;
        boolean female;
        Integer pregnancyWeeks;
        Integer postpartumWeeks;
        boolean pregnantFlag;
        BigDecimal nights;
        BigDecimal duration;
        BigDecimal weeks;
        BigDecimal travel;
        BigDecimal sitting;
        BigDecimal fluid;
        BigDecimal alcohol;
        boolean immobilised;
        boolean surgery;
        boolean strenuous;
        boolean smoker;
        boolean sleeps;
        int symptoms;
        int conditions;
        int drugClasses;
        boolean crampDrug;
        int[] startedDays = EMPTY_INTS;
        int startedCount;
        final BigDecimal[] lab = new BigDecimal[10];
        BigDecimal ckUln = CK_ULN_DEFAULT;
        BigDecimal tshUln = TSH_ULN_DEFAULT;
        /** Derived once after reading (labs never change in a §11.4 what-if). */
        boolean ck5x;
        /** RF_SEVERE_ELECTROLYTE_DISTURBANCE and RF_CRITICAL_LAB_VALUE bits (labs and conditions only). */
        long labRedFlags;

        Facts copy() {
            Facts g = new Facts();
            g.age = age;
            g.female = female;
            g.pregnancyWeeks = pregnancyWeeks;
            g.postpartumWeeks = postpartumWeeks;
            g.pregnantFlag = pregnantFlag;
            g.nights = nights;
            g.duration = duration;
            g.weeks = weeks;
            g.travel = travel;
            g.sitting = sitting;
            g.fluid = fluid;
            g.alcohol = alcohol;
            g.immobilised = immobilised;
            g.surgery = surgery;
            g.strenuous = strenuous;
            g.smoker = smoker;
            g.sleeps = sleeps;
            g.symptoms = symptoms;
            g.conditions = conditions;
            g.drugClasses = drugClasses;
            g.crampDrug = crampDrug;
            g.startedDays = startedDays;
            g.startedCount = startedCount;
            System.arraycopy(lab, 0, g.lab, 0, lab.length);
            g.ckUln = ckUln;
            g.tshUln = tshUln;
            g.ck5x = ck5x;
            g.labRedFlags = labRedFlags;
            return g;
        }
    }

    private static final int[] EMPTY_INTS = new int[0];

    // ------------------------------------------------------------------ public API

    /** Parses a case document with exact decimals. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses and evaluates one case document. */
    public static ReferenceResult evaluate(String json) {
        return evaluate(parse(json));
    }

    /** Evaluates one valid case document (catalogue v2.2). */
    public static ReferenceResult evaluate(JsonNode caseJson) {
        Facts f = new Facts();
        List<StaleLab> stale = new ArrayList<>(2);
        long missing = read(caseJson, f, stale);
        JsonNode nr = caseJson.get("notRecorded");
        boolean recordComplete = nr == null || nr.isNull() || nr.size() == 0;

        boolean selfCareAllowed = missing == 0L;
        long candidates = evaluateAll(f, selfCareAllowed);

        // §6 suppression: only SELF_CARE candidates whose own trigger was met (§2.8 item 10).
        Map<String, List<String>> suppressed = new TreeMap<>();
        long suppressedBits = 0L;
        long sc = candidates & SELF_CARE_MASK;
        if (sc != 0L) {
            boolean emergencyFirst = has(candidates, SAFETY_EMERGENCY_FIRST);
            for (int code = SC_STRETCHING; code <= SC_EXERCISE_TIMING; code++) {
                if (!has(sc, code)) {
                    continue;
                }
                List<String> by = null;
                // suppressedBy in code order: EMERGENCY_FIRST < FLUID < HEAT < NO_MASSAGE < POTASSIUM
                if (emergencyFirst) {
                    by = add(by, SAFETY_EMERGENCY_FIRST);
                }
                if (code == SC_HYDRATION && has(candidates, SAFETY_FLUID_RESTRICTION)) {
                    by = add(by, SAFETY_FLUID_RESTRICTION);
                }
                if (code == SC_HEAT && has(candidates, SAFETY_HEAT_REDUCED_SENSATION)) {
                    by = add(by, SAFETY_HEAT_REDUCED_SENSATION);
                }
                if (code == SC_MASSAGE && has(candidates, SAFETY_NO_MASSAGE_SUSPECTED_DVT)) {
                    by = add(by, SAFETY_NO_MASSAGE_SUSPECTED_DVT);
                }
                if (code == SC_MINERAL_RICH_DIET && has(candidates, SAFETY_POTASSIUM_CAUTION)) {
                    by = add(by, SAFETY_POTASSIUM_CAUTION);
                }
                if (by != null) {
                    suppressed.put(CODE[code], Collections.unmodifiableList(by));
                    suppressedBits |= 1L << code;
                }
            }
        }
        long finalBits = candidates & ~suppressedBits;

        List<String> findings = new ArrayList<>(Long.bitCount(finalBits));
        int highest = INFO;
        for (int code : OUTPUT_ORDER) {
            if (has(finalBits, code)) {
                findings.add(CODE[code]);
                if (URGENCY[code] < highest) {
                    highest = URGENCY[code];
                }
            }
        }

        List<DataRequired> dataRequired = missing == 0L
                ? List.of() : dataRequired(f, missing, candidates & RED_FLAG_MASK);

        if (stale.size() > 1) {
            stale.sort((a, b) -> a.test().compareTo(b.test()));
        }
        return new ReferenceResult(Collections.unmodifiableList(findings),
                Collections.unmodifiableMap(suppressed), URGENCIES.get(highest),
                dataRequired, Collections.unmodifiableList(stale), recordComplete);
    }

    // ------------------------------------------------------------------ reading the case

    /** Reads the case into {@code f}; returns the bitmask of not-recorded safety inputs. */
    private static long read(JsonNode root, Facts f, List<StaleLab> stale) {
        JsonNode p = root.get("patient");
        f.age = p.get("ageYears").intValue();
        f.female = "FEMALE".equals(p.get("sex").textValue());
        f.pregnancyWeeks = intOrNull(p.get("pregnancyWeeks"));
        f.postpartumWeeks = intOrNull(p.get("postpartumWeeks"));
        JsonNode pregnant = p.get("pregnant");
        f.pregnantFlag = pregnant != null && pregnant.isBoolean() && pregnant.booleanValue();

        JsonNode c = root.get("cramps");
        if (c != null && c.isObject()) {
            f.nights = numOrNull(c.get("nightsPerWeek"));
            f.duration = numOrNull(c.get("durationMinutes"));
            f.weeks = numOrNull(c.get("weeksSinceOnset"));
        }
        JsonNode h = root.get("history");
        if (h != null && h.isObject()) {
            f.travel = numOrNull(h.get("longTravelHoursLast14Days"));
            f.immobilised = isTrue(h.get("immobilisedLast28Days"));
            f.surgery = isTrue(h.get("majorSurgeryLast84Days"));
            f.strenuous = isTrue(h.get("strenuousExerciseLast48Hours"));
            f.sitting = numOrNull(h.get("sittingOrStandingHoursPerDay"));
            f.fluid = numOrNull(h.get("fluidIntakeLitresPerDay"));
            f.alcohol = numOrNull(h.get("alcoholUnitsPerWeek"));
            f.smoker = isTrue(h.get("smoker"));
            f.sleeps = isTrue(h.get("sleepsWithToesPointedOrProne"));
        }

        JsonNode symptoms = root.get("symptoms");
        if (symptoms != null) {
            for (JsonNode s : symptoms) {
                f.symptoms |= 1 << SYMPTOM_INDEX.get(s.textValue());
            }
        }
        JsonNode conditions = root.get("conditions");
        if (conditions != null) {
            for (JsonNode s : conditions) {
                f.conditions |= 1 << CONDITION_INDEX.get(s.textValue());
            }
        }
        JsonNode meds = root.get("medications");
        if (meds != null && meds.size() > 0) {
            int[] started = new int[meds.size()];
            int n = 0;
            for (JsonNode m : meds) {
                int cls = DRUG_CLASS_INDEX.get(m.get("drugClass").textValue());
                f.drugClasses |= 1 << cls;
                if (!f.crampDrug) {
                    if ((CRAMP_DRUG_CLASS_MASK & (1 << cls)) != 0) {
                        f.crampDrug = true;
                    } else if (cls == D_CALCIUM_CHANNEL_BLOCKER || cls == D_OTHER) {
                        String name = m.get("name").textValue().trim().toLowerCase(Locale.ROOT);
                        f.crampDrug = cls == D_CALCIUM_CHANNEL_BLOCKER
                                ? CRAMP_CCB_NAMES.contains(name) : CRAMP_OTHER_NAMES.contains(name);
                    }
                }
                JsonNode sd = m.get("startedDaysAgo");
                if (sd != null && !sd.isNull()) {
                    started[n++] = sd.intValue();
                }
            }
            f.startedDays = started;
            f.startedCount = n;
        }
        JsonNode labs = root.get("labs");
        if (labs != null) {
            for (JsonNode l : labs) {
                int t = LAB_INDEX.get(l.get("test").textValue());
                BigDecimal canonical = toCanonical(t, l.get("value").decimalValue(),
                        l.get("unit").textValue());
                JsonNode days = l.get("daysSinceTaken");
                if (days != null && !days.isNull() && days.intValue() > WINDOW_DAYS[t]) {
                    stale.add(new StaleLab(LAB_TESTS.get(t), days.intValue(), WINDOW_DAYS[t]));
                    continue; // §12: treated as absent by every rule, ULN not used
                }
                f.lab[t] = canonical;
                if (t == L_CK || t == L_TSH) {
                    JsonNode uln = l.get("upperLimitOfNormal");
                    if (uln != null && !uln.isNull()) {
                        if (t == L_CK) {
                            f.ckUln = uln.decimalValue();
                        } else {
                            f.tshUln = uln.decimalValue();
                        }
                    }
                }
            }
        }

        deriveLabFacts(f);

        long missing = 0L;
        JsonNode nr = root.get("notRecorded");
        if (nr != null && nr.isArray()) {
            for (JsonNode e : nr) {
                String entry = e.textValue();
                switch (entry) {
                    case "cramps.*":
                        missing |= bit(SI_NIGHTS) | bit(SI_WEEKS) | bit(SI_DURATION);
                        break;
                    case "cramps.nightsPerWeek":
                        missing |= bit(SI_NIGHTS);
                        break;
                    case "cramps.weeksSinceOnset":
                        missing |= bit(SI_WEEKS);
                        break;
                    case "cramps.durationMinutes":
                        missing |= bit(SI_DURATION);
                        break;
                    case "history.*":
                        missing |= bit(SI_TRAVEL) | bit(SI_IMMOBILISED) | bit(SI_SURGERY)
                                | bit(SI_STRENUOUS);
                        break;
                    case "history.longTravelHoursLast14Days":
                        missing |= bit(SI_TRAVEL);
                        break;
                    case "history.immobilisedLast28Days":
                        missing |= bit(SI_IMMOBILISED);
                        break;
                    case "history.majorSurgeryLast84Days":
                        missing |= bit(SI_SURGERY);
                        break;
                    case "history.strenuousExerciseLast48Hours":
                        missing |= bit(SI_STRENUOUS);
                        break;
                    case "patient.pregnancyWeeks":
                        missing |= bit(SI_PREGNANCY_WEEKS);
                        break;
                    case "patient.postpartumWeeks":
                        missing |= bit(SI_POSTPARTUM_WEEKS);
                        break;
                    case "symptoms.*":
                        // every symptom not listed in symptoms
                        missing |= (long) (SAFETY_SYMPTOMS_MASK & ~f.symptoms);
                        break;
                    default:
                        if (entry.startsWith("symptoms.")) {
                            Integer s = SYMPTOM_INDEX.get(entry.substring(9));
                            if (s != null) {
                                // a listed symptom is never in symptoms (valid case)
                                missing |= (long) (SAFETY_SYMPTOMS_MASK & (1 << s) & ~f.symptoms);
                            }
                        }
                        // other entries (cramps.sites, cramps.side, the other history fields,
                        // symptoms.URGE_TO_MOVE_LEGS_AT_REST) are not safety inputs
                        break;
                }
            }
        }
        return missing;
    }

    // ------------------------------------------------------------------ §5 triggers

    /** RED_FLAG codes (§5.1), as a bitmask. Depends only on the facts. */
    static long redFlags(Facts f) {
        final int s = f.symptoms;
        final int c = f.conditions;
        final int d = f.drugClasses;
        long r = 0L;

        boolean vteRisk = vteRisk(f);
        int dvtFeatureCount = Integer.bitCount(s & DVT_FEATURES);
        boolean dvt = sym(s, S_CALF_SWELLING_UNILATERAL) || dvtFeatureCount >= 2
                || (dvtFeatureCount >= 1 && vteRisk);
        if (dvt) {
            r |= 1L << RF_DVT_SUSPECTED;
        }
        boolean sobOrChestPain = sym(s, S_SHORTNESS_OF_BREATH) || sym(s, S_CHEST_PAIN);
        if (sobOrChestPain) {
            if (dvt || vteRisk) {
                r |= 1L << RF_PE_SUSPECTED;
            } else {
                r |= 1L << RF_CARDIORESPIRATORY_SYMPTOMS;
            }
        }
        if (sym(s, S_COLD_PALE_LEG)) {
            r |= 1L << RF_ACUTE_LIMB_ISCHAEMIA;
        }
        if (sym(s, S_PAIN_ON_WALKING_RELIEVED_BY_REST) && !cond(c, C_PERIPHERAL_ARTERY_DISEASE)) {
            r |= 1L << RF_PAD_CLAUDICATION;
        }
        boolean numbOrTingle = sym(s, S_NUMBNESS) || sym(s, S_TINGLING);
        boolean lbp = sym(s, S_LOW_BACK_PAIN);
        boolean radiating = sym(s, S_RADIATING_LEG_PAIN);
        boolean weakness = sym(s, S_MUSCLE_WEAKNESS);
        if ((sym(s, S_BURNING_FEET) || (numbOrTingle && !radiating && !lbp))
                && !cond(c, C_PERIPHERAL_NEUROPATHY)) {
            r |= 1L << RF_PERIPHERAL_NEUROPATHY;
        }
        if ((radiating || (lbp && (numbOrTingle || weakness)))
                && (!(cond(c, C_LUMBAR_SPINAL_STENOSIS) || cond(c, C_HERNIATED_DISC)) || weakness)) {
            r |= 1L << RF_NERVE_ROOT_COMPRESSION;
        }
        boolean cancer = cond(c, C_ACTIVE_CANCER);
        if (sym(s, S_SADDLE_NUMBNESS)
                || (sym(s, S_BLADDER_OR_BOWEL_DYSFUNCTION) && (lbp || radiating))
                || (cancer && lbp && (radiating || weakness || numbOrTingle))) {
            r |= 1L << RF_CAUDA_EQUINA;
        }
        if (cancer && lbp) {
            r |= 1L << RF_SPINAL_METASTASIS_RISK;
        }
        boolean statin = drug(d, D_STATIN);
        boolean ck5x = f.ck5x;
        if (sym(s, S_MUSCLE_WASTING)
                || (sym(s, S_FASCICULATIONS) && weakness)
                || (weakness && !lbp && !radiating && !statin)
                || (ck5x && !f.strenuous && !statin)) {
            r |= 1L << RF_NEUROMUSCULAR_DISEASE;
        }
        boolean diffuse = sym(s, S_DIFFUSE_MUSCLE_PAIN);
        boolean darkUrine = sym(s, S_DARK_URINE);
        if (statin && (diffuse || weakness || darkUrine || ck5x)) {
            r |= 1L << RF_STATIN_MYOPATHY;
        }
        if (darkUrine && (diffuse || weakness || ck5x || f.strenuous)) {
            r |= 1L << RF_RHABDOMYOLYSIS_SUSPECTED;
        }
        r |= f.labRedFlags;
        boolean diarrhoeaOrVomiting = sym(s, S_DIARRHOEA) || sym(s, S_VOMITING);
        if (cond(c, C_ADDISONS_DISEASE) && diarrhoeaOrVomiting) {
            r |= 1L << RF_ADRENAL_CRISIS_RISK;
        }
        if (drug(d, D_LITHIUM) && (diarrhoeaOrVomiting || sym(s, S_HEAVY_SWEATING) || weakness
                || sym(s, S_FASCICULATIONS))) {
            r |= 1L << RF_LITHIUM_TOXICITY_RISK;
        }
        if ((ge(f.nights, THREE) && ge(f.weeks, FOUR)) || gt(f.duration, TEN)) {
            r |= 1L << RF_PERSISTENT_CRAMPS;
        }
        return r;
    }

    /** §3 ck5x and the two lab-only red flags, computed once per case. */
    private static void deriveLabFacts(Facts f) {
        final BigDecimal[] lab = f.lab;
        final int c = f.conditions;
        BigDecimal ck = lab[L_CK];
        f.ck5x = ck != null && ck.compareTo(FIVE.multiply(f.ckUln)) >= 0;
        BigDecimal k = lab[L_POTASSIUM];
        BigDecimal na = lab[L_SODIUM];
        BigDecimal mg = lab[L_MAGNESIUM];
        BigDecimal ca = lab[L_ADJUSTED_CALCIUM];
        long r = 0L;
        if (lt(k, K_2_5) || ge(k, K_6_5) || lt(na, NA_125) || lt(mg, MG_0_50)
                || lt(ca, CA_1_90) || ge(ca, CA_3_50)) {
            r |= 1L << RF_SEVERE_ELECTROLYTE_DISTURBANCE;
        }
        if ((ge(k, K_6_0) && lt(k, K_6_5))
                || (ge(k, K_2_5) && lt(k, K_3_0))
                || (ge(ca, CA_3_00) && lt(ca, CA_3_50))
                || ge(na, NA_150)
                || ge(mg, MG_2_00)
                || lt(lab[L_GLUCOSE], GLU_3_0)
                || lt(lab[L_HAEMOGLOBIN], HB_70)
                || (ck != null && ck.compareTo(TWENTY_FIVE.multiply(f.ckUln)) >= 0)
                || (lt(lab[L_EGFR], EGFR_15)
                        && !cond(c, C_DIALYSIS) && !cond(c, C_CHRONIC_KIDNEY_DISEASE))) {
            r |= 1L << RF_CRITICAL_LAB_VALUE;
        }
        f.labRedFlags = r;
    }

    private static boolean pregnant(Facts f) {
        return f.pregnancyWeeks != null || f.pregnantFlag;
    }

    private static boolean vteRisk(Facts f) {
        return ge(f.travel, FOUR) || f.immobilised || f.surgery
                || cond(f.conditions, C_ACTIVE_CANCER) || cond(f.conditions, C_PREVIOUS_DVT)
                || pregnant(f)
                || (f.postpartumWeeks != null && f.postpartumWeeks <= 6)
                || (f.drugClasses & DRUG_VTE) != 0;
    }

    /** Every candidate code (§4 steps 3-8), before suppression. */
    static long evaluateAll(Facts f, boolean selfCareAllowed) {
        final int s = f.symptoms;
        final int c = f.conditions;
        final int d = f.drugClasses;
        final BigDecimal[] lab = f.lab;
        long r = redFlags(f);

        BigDecimal k = lab[L_POTASSIUM];
        BigDecimal na = lab[L_SODIUM];
        BigDecimal mg = lab[L_MAGNESIUM];
        BigDecimal ca = lab[L_ADJUSTED_CALCIUM];
        BigDecimal glu = lab[L_GLUCOSE];
        BigDecimal hba1c = lab[L_HBA1C];
        BigDecimal egfr = lab[L_EGFR];
        BigDecimal tsh = lab[L_TSH];
        BigDecimal hb = lab[L_HAEMOGLOBIN];
        boolean pregnant = pregnant(f);
        boolean fluidPlan = (c & COND_FLUID_PLAN) != 0;
        boolean naBelow130 = lt(na, NA_130);
        boolean mgLow = lt(mg, MG_0_70);
        boolean diarrhoeaOrVomiting = sym(s, S_DIARRHOEA) || sym(s, S_VOMITING);
        boolean losses = (s & SYM_LOSSES) != 0;

        // CAUSE (§5.2)
        if (lt(k, K_3_5)) {
            r |= 1L << CAUSE_HYPOKALAEMIA;
        }
        if (mgLow) {
            r |= 1L << CAUSE_HYPOMAGNESAEMIA;
        }
        if (lt(ca, CA_2_20)) {
            r |= 1L << CAUSE_HYPOCALCAEMIA;
        }
        if (lt(na, NA_135)) {
            r |= 1L << CAUSE_HYPONATRAEMIA;
        }
        if (losses) {
            r |= 1L << CAUSE_ELECTROLYTE_LOSS;
        }
        if ((lt(f.fluid, FLUID_1_2) && !fluidPlan && !naBelow130) || diarrhoeaOrVomiting) {
            r |= 1L << CAUSE_DEHYDRATION;
        }
        if (pregnant) {
            r |= 1L << CAUSE_PREGNANCY;
        }
        if (f.strenuous) {
            r |= 1L << CAUSE_MUSCLE_FATIGUE;
        }
        boolean longSitting = ge(f.sitting, EIGHT);
        if (longSitting) {
            r |= 1L << CAUSE_PROLONGED_SITTING_OR_STANDING;
        }
        if (cond(c, C_PERIPHERAL_ARTERY_DISEASE) || cond(c, C_VARICOSE_VEINS)
                || sym(s, S_PAIN_ON_WALKING_RELIEVED_BY_REST) || sym(s, S_COLD_PALE_LEG)) {
            r |= 1L << CAUSE_POOR_CIRCULATION;
        }
        if (f.sleeps) {
            r |= 1L << CAUSE_SLEEP_POSITION;
        }
        BigDecimal anaemiaThreshold = pregnant ? HB_110 : f.female ? HB_120 : HB_130;
        if ((c & COND_MEDICAL) != 0
                || (tsh != null && tsh.compareTo(f.tshUln) > 0)
                || lt(egfr, EGFR_60)
                || ge(hba1c, HBA1C_48)
                || lt(glu, GLU_3_9) || ge(glu, GLU_11_1)
                || lt(hb, anaemiaThreshold)) {
            r |= 1L << CAUSE_MEDICAL_CONDITION;
        }
        if (f.age >= 60) {
            r |= 1L << CAUSE_AGE;
        }
        if (cond(c, C_FLAT_FEET)) {
            r |= 1L << CAUSE_FLAT_FEET;
        }
        if (f.smoker || gt(f.alcohol, FOURTEEN)) {
            r |= 1L << CAUSE_LIFESTYLE;
        }
        if (sym(s, S_URGE_TO_MOVE_LEGS_AT_REST) || cond(c, C_RESTLESS_LEGS_SYNDROME)) {
            r |= 1L << CAUSE_RESTLESS_LEGS_MIMIC;
        }

        // MEDICATION_REVIEW (§5.3)
        if (f.crampDrug) {
            r |= 1L << MED_REVIEW_CRAMP_INDUCING_DRUG;
        }
        if (f.weeks != null && f.startedCount > 0) {
            BigDecimal onsetDays = SEVEN.multiply(f.weeks);
            for (int i = 0; i < f.startedCount; i++) {
                BigDecimal diff = BigDecimal.valueOf(f.startedDays[i]).subtract(onsetDays);
                if (diff.signum() >= 0 && diff.compareTo(NINETY) <= 0) {
                    r |= 1L << MED_REVIEW_NEW_DRUG;
                    break;
                }
            }
        }
        boolean quinine = drug(d, D_QUININE);
        if (quinine) {
            r |= 1L << MED_REVIEW_QUININE;
        }

        // INVESTIGATION (§5.4)
        boolean persistent = has(r, RF_PERSISTENT_CRAMPS);
        if (((d & DRUG_DIURETICS) != 0 || losses || (c & COND_ELECTROLYTE_CONTEXT) != 0 || persistent)
                && (k == null || na == null || mg == null || ca == null)) {
            r |= 1L << INV_ELECTROLYTES;
        }
        boolean statinMyopathy = has(r, RF_STATIN_MYOPATHY);
        boolean neuromuscular = has(r, RF_NEUROMUSCULAR_DISEASE);
        if (lab[L_CK] == null && (statinMyopathy || neuromuscular
                || has(r, RF_RHABDOMYOLYSIS_SUSPECTED) || sym(s, S_DIFFUSE_MUSCLE_PAIN))) {
            r |= 1L << INV_CK;
        }
        if ((has(r, RF_PERIPHERAL_NEUROPATHY) || persistent) && !cond(c, C_DIABETES)
                && glu == null && hba1c == null) {
            r |= 1L << INV_GLUCOSE;
        }
        if ((persistent || statinMyopathy || neuromuscular) && tsh == null) {
            r |= 1L << INV_TSH;
        }
        if (has(r, RF_DVT_SUSPECTED)) {
            r |= 1L << INV_DVT_WORKUP;
        }
        if (has(r, RF_PAD_CLAUDICATION)) {
            r |= 1L << INV_ABPI;
        }

        // SAFETY (§5.6): reads only steps 3-6, never SELF_CARE
        for (int code = 0; code < SAFETY_EMERGENCY_FIRST; code++) {
            if (has(r, code) && URGENCY[code] == EMERGENCY) {
                r |= 1L << SAFETY_EMERGENCY_FIRST;
                break;
            }
        }
        if (has(r, RF_DVT_SUSPECTED) || has(r, RF_PE_SUSPECTED)) {
            r |= 1L << SAFETY_NO_MASSAGE_SUSPECTED_DVT;
        }
        if (cond(c, C_PERIPHERAL_NEUROPATHY) || cond(c, C_DIABETES)
                || cond(c, C_PERIPHERAL_ARTERY_DISEASE)
                || sym(s, S_NUMBNESS) || sym(s, S_TINGLING) || sym(s, S_BURNING_FEET)
                || ge(hba1c, HBA1C_48)) {
            r |= 1L << SAFETY_HEAT_REDUCED_SENSATION;
        }
        if (fluidPlan || naBelow130) {
            r |= 1L << SAFETY_FLUID_RESTRICTION;
        }
        boolean onMagnesium = drug(d, D_MAGNESIUM_SUPPLEMENT);
        if ((lt(egfr, EGFR_30) || cond(c, C_DIALYSIS)) && (onMagnesium || mgLow)) {
            r |= 1L << SAFETY_NO_MAGNESIUM_SUPPLEMENT_RENAL;
        }
        if (cond(c, C_CHRONIC_KIDNEY_DISEASE) || cond(c, C_DIALYSIS) || lt(egfr, EGFR_60)
                || drug(d, D_ACE_INHIBITOR) || drug(d, D_ANGIOTENSIN_RECEPTOR_BLOCKER)
                || drug(d, D_POTASSIUM_SPARING_DIURETIC) || ge(k, K_5_5)) {
            r |= 1L << SAFETY_POTASSIUM_CAUTION;
        }
        if (pregnant || (quinine && (drug(d, D_ANTICOAGULANT)
                || cond(c, C_HEART_FAILURE) || cond(c, C_CHRONIC_KIDNEY_DISEASE)
                || cond(c, C_DIALYSIS) || lt(egfr, EGFR_30)
                || lt(k, K_3_5) || mgLow || lt(ca, CA_2_20)))) {
            r |= 1L << SAFETY_QUININE;
        }
        if (onMagnesium && !(mg != null && mgLow)) {
            r |= 1L << SAFETY_MAGNESIUM_EVIDENCE;
        }

        // SELF_CARE candidates (§5.5), only when every safety input was recorded (§11.3)
        if (selfCareAllowed) {
            r |= (1L << SC_STRETCHING) | (1L << SC_ACUTE_CRAMP_RELIEF) | (1L << SC_HYDRATION)
                    | (1L << SC_MINERAL_RICH_DIET) | (1L << SC_HEAT) | (1L << SC_MASSAGE);
            if (f.sleeps) {
                r |= 1L << SC_SLEEP_POSITION;
            }
            if (longSitting || ge(f.travel, FOUR)) {
                r |= 1L << SC_MOVEMENT_BREAKS;
            }
            if (f.sleeps || longSitting || cond(c, C_VARICOSE_VEINS)
                    || cond(c, C_PERIPHERAL_ARTERY_DISEASE)) {
                r |= 1L << SC_LOOSE_CLOTHING;
            }
            if (f.strenuous) {
                r |= 1L << SC_EXERCISE_TIMING;
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ §11.4

    private static List<DataRequired> dataRequired(Facts f, long missing, long baseRedFlags) {
        List<DataRequired> out = new ArrayList<>();
        List<Integer> rank = new ArrayList<>();
        for (int si = 0; si < SI_COUNT; si++) {
            if ((missing & bit(si)) == 0L) {
                continue;
            }
            Facts g = f.copy(); // small: labs are shared by reference, lab facts precomputed
            switch (si) {
                case SI_TRAVEL -> g.travel = FIRE_TRAVEL;
                case SI_IMMOBILISED -> g.immobilised = true;
                case SI_SURGERY -> g.surgery = true;
                case SI_STRENUOUS -> g.strenuous = true;
                case SI_NIGHTS -> g.nights = FIRE_NIGHTS;
                case SI_WEEKS -> g.weeks = FIRE_WEEKS;
                case SI_DURATION -> g.duration = FIRE_DURATION;
                case SI_PREGNANCY_WEEKS -> g.pregnancyWeeks = FIRE_PREGNANCY_WEEKS;
                case SI_POSTPARTUM_WEEKS -> g.postpartumWeeks = FIRE_POSTPARTUM_WEEKS;
                default -> g.symptoms |= 1 << si;
            }
            long added = redFlags(g) & ~baseRedFlags;
            if (added == 0L) {
                continue;
            }
            List<String> forCodes = new ArrayList<>(Long.bitCount(added));
            int best = INFO;
            for (int code : OUTPUT_ORDER) {
                if (has(added, code)) {
                    forCodes.add(CODE[code]);
                    best = Math.min(best, URGENCY[code]);
                }
            }
            out.add(new DataRequired(SAFETY_INPUT_NAME[si], Collections.unmodifiableList(forCodes)));
            rank.add(best);
        }
        if (out.size() > 1) {
            Integer[] idx = new Integer[out.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> {
                int cmp = Integer.compare(rank.get(a), rank.get(b));
                return cmp != 0 ? cmp : out.get(a).input().compareTo(out.get(b).input());
            });
            List<DataRequired> sorted = new ArrayList<>(out.size());
            for (Integer i : idx) {
                sorted.add(out.get(i));
            }
            return Collections.unmodifiableList(sorted);
        }
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> add(List<String> list, int code) {
        List<String> l = list == null ? new ArrayList<>(2) : list;
        l.add(CODE[code]);
        return l;
    }

    private static long bit(int i) {
        return 1L << i;
    }

    private static boolean has(long bits, int code) {
        return (bits & (1L << code)) != 0L;
    }

    private static boolean sym(int symptoms, int s) {
        return (symptoms & (1 << s)) != 0;
    }

    private static boolean cond(int conditions, int c) {
        return (conditions & (1 << c)) != 0;
    }

    private static boolean drug(int classes, int d) {
        return (classes & (1 << d)) != 0;
    }

    private static int bits(int... indices) {
        int m = 0;
        for (int i : indices) {
            m |= 1 << i;
        }
        return m;
    }

    /** value &lt; threshold; false when the value is absent or not recorded. */
    private static boolean lt(BigDecimal v, BigDecimal t) {
        return v != null && v.compareTo(t) < 0;
    }

    private static boolean ge(BigDecimal v, BigDecimal t) {
        return v != null && v.compareTo(t) >= 0;
    }

    private static boolean gt(BigDecimal v, BigDecimal t) {
        return v != null && v.compareTo(t) > 0;
    }

    private static BigDecimal numOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static Integer intOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.intValue();
    }

    private static boolean isTrue(JsonNode n) {
        return n != null && n.isBoolean() && n.booleanValue();
    }
}
