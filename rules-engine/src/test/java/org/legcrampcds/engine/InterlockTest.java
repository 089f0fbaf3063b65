package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.Assess.assess;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Symptom;
import org.legcrampcds.model.Urgency;

/** The suppressions and text modifications of catalogue §6, one interlock at a time. */
class InterlockTest {

    @Test
    void suspectedDvt_withholdsMassageAndDropsItFromCrampRelief() {
        Assessment a = assess(quietPatient().symptoms(Symptom.CALF_SWELLING_UNILATERAL));
        assertThat(a.suppressed()).containsExactly(new Suppression("SC_MASSAGE", java.util.List.of("SAFETY_NO_MASSAGE_SUSPECTED_DVT")));
        Finding relief = a.finding("SC_ACUTE_CRAMP_RELIEF").orElseThrow();
        assertThat(relief.action()).doesNotContain("rub").contains("A warm (not hot) towel").contains("walk a few steps. A warm");
        assertThat(relief.modifiedBy()).containsExactly("SAFETY_NO_MASSAGE_SUSPECTED_DVT");
        assertThat(a.finding("SAFETY_NO_MASSAGE_SUSPECTED_DVT").orElseThrow().suppresses()).containsExactly("SC_MASSAGE");
    }

    @Test
    void reducedSensation_withholdsHeatAndDropsItFromCrampRelief() {
        Assessment a = assess(quietPatient().conditions(Condition.DIABETES));
        assertThat(a.suppressedCodes()).containsExactly("SC_HEAT");
        assertThat(a.finding("SC_ACUTE_CRAMP_RELIEF").orElseThrow().action())
                .contains("Gently rub the muscle. Paracetamol").doesNotContain("warm");
    }

    @Test
    void untouchedCrampRelief_keepsBothClausesWithoutMarkers() {
        assertThat(assess(quietPatient()).finding("SC_ACUTE_CRAMP_RELIEF").orElseThrow().action())
                .contains("Gently rub the muscle. A warm (not hot) towel may ease the soreness. Paracetamol")
                .doesNotContain("[");
    }

    @Test
    void fluidPlan_replacesTheElectrolyteLossAdviceAndWithholdsHydration() {
        Assessment a = assess(quietPatient().conditions(Condition.CIRRHOSIS).symptoms(Symptom.DIARRHOEA));
        assertThat(a.finding("CAUSE_ELECTROLYTE_LOSS").orElseThrow().action()).isEqualTo(
                "Recent fluid and salt losses can trigger cramps. Ask your heart, kidney or liver team today how to replace fluids.");
        assertThat(a.suppressedCodes()).contains("SC_HYDRATION");
    }

    @Test
    void lowSodiumAlone_leavesTheElectrolyteLossAdviceButWithholdsHydration() {
        Assessment a = assess(quietPatient().lab(LabTest.SODIUM, "129", "mmol/L").symptoms(Symptom.VOMITING));
        assertThat(a.finding("CAUSE_ELECTROLYTE_LOSS").orElseThrow().action()).startsWith("Recent fluid and salt losses can trigger cramps. Replace fluids");
        assertThat(a.finding("SAFETY_FLUID_RESTRICTION").orElseThrow().action())
                .isEqualTo("Your sodium is low: do not increase drinks until a clinician has reviewed it.");
    }

    @Test
    void fluidPlanAndLowSodium_showBothTexts() {
        Finding f = assess(quietPatient().conditions(Condition.HEART_FAILURE).lab(LabTest.SODIUM, "128", "mmol/L"))
                .finding("SAFETY_FLUID_RESTRICTION").orElseThrow();
        assertThat(f.action()).startsWith("Follow the fluid and salt plan").endsWith("until a clinician has reviewed it.");
        assertThat(f.ruleId()).isEqualTo("SAFETY-FLUID-01");
    }

    @Test
    void renalMagnesium_amendsHypomagnesaemiaWithoutChangingItsUrgency() {
        Assessment a = assess(quietPatient().lab(LabTest.EGFR, "25", "mL/min/1.73m2").lab(LabTest.MAGNESIUM, "0.6", "mmol/L"));
        Finding mg = a.finding("CAUSE_HYPOMAGNESAEMIA").orElseThrow();
        assertThat(mg.action()).endsWith("replacement only under renal supervision.");
        assertThat(mg.urgency()).isEqualTo(Urgency.SOON);
        assertThat(a.finding("SAFETY_NO_MAGNESIUM_SUPPLEMENT_RENAL").orElseThrow().urgency()).isEqualTo(Urgency.SOON);
    }

    @Test
    void quinine_showsEveryVariantThatApplies_inCatalogueOrder() {
        Finding review = assess(quietPatient().pregnantWeeks(20).medication("quinine sulfate", DrugClass.QUININE)
                .medication("warfarin", DrugClass.ANTICOAGULANT).conditions(Condition.CHRONIC_KIDNEY_DISEASE)
                .lab(LabTest.POTASSIUM, "3.4", "mmol/L")).finding("MED_REVIEW_QUININE").orElseThrow();
        String action = review.action();
        assertThat(action).contains("stop quinine now and contact your prescriber or midwife", "bleeding and INR risk",
                "QT risk", "accumulation risk");
        assertThat(action.indexOf("midwife")).isLessThan(action.indexOf("INR")).isLessThan(action.indexOf("QT"));
        assertThat(action.indexOf("QT")).isLessThan(action.indexOf("accumulation"));
        assertThat(review.urgency()).isEqualTo(Urgency.SOON);
    }

    @Test
    void pregnancyWithoutQuinine_stillWarns() {
        Assessment a = assess(quietPatient().pregnantWeeks(12));
        assertThat(a.codes()).contains("SAFETY_QUININE", "CAUSE_PREGNANCY").doesNotContain("MED_REVIEW_QUININE");
    }

    @Test
    void magnesiumSupplementWithMeasuredDeficiency_getsNoEvidenceWarning() {
        assertThat(assess(quietPatient().medication("magnesium citrate", DrugClass.MAGNESIUM_SUPPLEMENT)
                .lab(LabTest.MAGNESIUM, "0.65", "mmol/L")).codes()).doesNotContain("SAFETY_MAGNESIUM_EVIDENCE");
        assertThat(assess(quietPatient().medication("magnesium citrate", DrugClass.MAGNESIUM_SUPPLEMENT)).codes())
                .contains("SAFETY_MAGNESIUM_EVIDENCE");
    }

    @Test
    void raisedPotassium_withholdsPotassiumRichDiet() {
        Assessment a = assess(quietPatient().lab(LabTest.POTASSIUM, "5.5", "mmol/L"));
        assertThat(a.codes()).contains("SAFETY_POTASSIUM_CAUTION");
        assertThat(a.suppressedCodes()).containsExactly("SC_MINERAL_RICH_DIET");
    }
}
