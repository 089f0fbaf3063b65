package org.legcrampcds.model;

import static org.legcrampcds.model.DrugClass.*;

import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's generic-name table (§2.5, 57 names). A listed name entered with another class
 * is rejected, so that a diuretic entered as {@code OTHER} cannot slip past the rules.
 * Names not listed are accepted with any class.
 */
public final class GenericDrugNames {

    private static final Map<String, DrugClass> CLASS_BY_NAME = Map.ofEntries(
            Map.entry("furosemide", LOOP_DIURETIC),
            Map.entry("bumetanide", LOOP_DIURETIC),
            Map.entry("torasemide", LOOP_DIURETIC),
            Map.entry("bendroflumethiazide", THIAZIDE_DIURETIC),
            Map.entry("hydrochlorothiazide", THIAZIDE_DIURETIC),
            Map.entry("indapamide", THIAZIDE_DIURETIC),
            Map.entry("chlortalidone", THIAZIDE_DIURETIC),
            Map.entry("metolazone", THIAZIDE_DIURETIC),
            Map.entry("spironolactone", POTASSIUM_SPARING_DIURETIC),
            Map.entry("eplerenone", POTASSIUM_SPARING_DIURETIC),
            Map.entry("amiloride", POTASSIUM_SPARING_DIURETIC),
            Map.entry("triamterene", POTASSIUM_SPARING_DIURETIC),
            Map.entry("atorvastatin", STATIN),
            Map.entry("simvastatin", STATIN),
            Map.entry("rosuvastatin", STATIN),
            Map.entry("pravastatin", STATIN),
            Map.entry("salbutamol", BETA2_AGONIST),
            Map.entry("terbutaline", BETA2_AGONIST),
            Map.entry("salmeterol", BETA2_AGONIST),
            Map.entry("formoterol", BETA2_AGONIST),
            Map.entry("amlodipine", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("nifedipine", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("felodipine", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("lercanidipine", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("diltiazem", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("verapamil", CALCIUM_CHANNEL_BLOCKER),
            Map.entry("ramipril", ACE_INHIBITOR),
            Map.entry("lisinopril", ACE_INHIBITOR),
            Map.entry("enalapril", ACE_INHIBITOR),
            Map.entry("perindopril", ACE_INHIBITOR),
            Map.entry("losartan", ANGIOTENSIN_RECEPTOR_BLOCKER),
            Map.entry("candesartan", ANGIOTENSIN_RECEPTOR_BLOCKER),
            Map.entry("valsartan", ANGIOTENSIN_RECEPTOR_BLOCKER),
            Map.entry("irbesartan", ANGIOTENSIN_RECEPTOR_BLOCKER),
            Map.entry("ethinylestradiol/levonorgestrel", ORAL_CONTRACEPTIVE),
            Map.entry("desogestrel", ORAL_CONTRACEPTIVE),
            Map.entry("estradiol", ESTROGEN_HRT),
            Map.entry("conjugated estrogens", ESTROGEN_HRT),
            Map.entry("raloxifene", RALOXIFENE),
            Map.entry("teriparatide", TERIPARATIDE),
            Map.entry("lithium carbonate", LITHIUM),
            Map.entry("quinine sulfate", QUININE),
            Map.entry("quinine bisulfate", QUININE),
            Map.entry("magnesium oxide", MAGNESIUM_SUPPLEMENT),
            Map.entry("magnesium glycerophosphate", MAGNESIUM_SUPPLEMENT),
            Map.entry("magnesium aspartate", MAGNESIUM_SUPPLEMENT),
            Map.entry("magnesium citrate", MAGNESIUM_SUPPLEMENT),
            Map.entry("magnesium glycinate", MAGNESIUM_SUPPLEMENT),
            Map.entry("potassium chloride", POTASSIUM_SUPPLEMENT),
            Map.entry("warfarin", ANTICOAGULANT),
            Map.entry("apixaban", ANTICOAGULANT),
            Map.entry("rivaroxaban", ANTICOAGULANT),
            Map.entry("edoxaban", ANTICOAGULANT),
            Map.entry("dabigatran", ANTICOAGULANT),
            Map.entry("enoxaparin", ANTICOAGULANT),
            Map.entry("naproxen", OTHER),
            Map.entry("iron sucrose", OTHER));

    private GenericDrugNames() {
    }

    /** The class a listed generic name must carry, or empty for a name the table does not list. */
    public static Optional<DrugClass> requiredClass(String name) {
        return Optional.ofNullable(CLASS_BY_NAME.get(new Medication(name, OTHER, null).normalisedName()));
    }

    /** How many names the table lists. */
    public static int size() {
        return CLASS_BY_NAME.size();
    }
}
