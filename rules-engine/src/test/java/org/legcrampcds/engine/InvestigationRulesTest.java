package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.Assess.doesNotFire;
import static org.legcrampcds.engine.Assess.fires;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Symptom;

/** Investigations (catalogue §5.4): a suspicion context and a result not yet supplied, named as evidence. */
class InvestigationRulesTest {

    private static PatientFixture persistentCramps() {
        return quietPatient().nightsPerWeek(4).weeksSinceOnset("5");
    }

    @Test
    void electrolytes_onADiuretic_nameTheMissingTests() {
        Finding f = fires(quietPatient().medication("indapamide", DrugClass.THIAZIDE_DIURETIC).lab(LabTest.POTASSIUM, "4.1", "mmol/L"),
                "INV_ELECTROLYTES");
        assertThat(f.evidence()).extracting(Object::toString).contains("labs.SODIUM = absent (not supplied)")
                .doesNotContain("labs.POTASSIUM = absent (not supplied)");
    }

    @Test
    void electrolytes_allFourSupplied_doNotFire() {
        doesNotFire(quietPatient().medication("indapamide", DrugClass.THIAZIDE_DIURETIC)
                .lab(LabTest.POTASSIUM, "4.1", "mmol/L").lab(LabTest.SODIUM, "140", "mmol/L")
                .lab(LabTest.MAGNESIUM, "0.8", "mmol/L").lab(LabTest.ADJUSTED_CALCIUM, "2.3", "mmol/L"), "INV_ELECTROLYTES");
    }

    @Test
    void electrolytes_withoutContext_doNotFire() {
        doesNotFire(quietPatient(), "INV_ELECTROLYTES");
    }

    @Test
    void ck_forDiffuseMusclePainWithoutACk_fires() {
        fires(quietPatient().symptoms(Symptom.DIFFUSE_MUSCLE_PAIN), "INV_CK");
        doesNotFire(quietPatient().symptoms(Symptom.DIFFUSE_MUSCLE_PAIN).lab(LabTest.CK, "150", "U/L"), "INV_CK");
    }

    @Test
    void glucose_forPersistentCramps_unlessDiabetesKnownOrMeasured() {
        fires(persistentCramps(), "INV_GLUCOSE");
        doesNotFire(persistentCramps().conditions(Condition.DIABETES), "INV_GLUCOSE");
        doesNotFire(persistentCramps().lab(LabTest.HBA1C, "40", "mmol/mol"), "INV_GLUCOSE");
    }

    @Test
    void tsh_forPersistentCramps_unlessMeasured() {
        fires(persistentCramps(), "INV_TSH");
        doesNotFire(persistentCramps().lab(LabTest.TSH, "2.1", "mU/L"), "INV_TSH");
    }

    @Test
    void dvtWorkUp_followsASuspectedDvt() {
        fires(quietPatient().symptoms(Symptom.CALF_SWELLING_UNILATERAL), "INV_DVT_WORKUP");
        doesNotFire(quietPatient().symptoms(Symptom.CALF_TENDERNESS), "INV_DVT_WORKUP");
    }

    @Test
    void abpi_followsPossibleClaudication() {
        fires(quietPatient().symptoms(Symptom.PAIN_ON_WALKING_RELIEVED_BY_REST), "INV_ABPI");
        doesNotFire(quietPatient().symptoms(Symptom.PAIN_ON_WALKING_RELIEVED_BY_REST).conditions(Condition.PERIPHERAL_ARTERY_DISEASE),
                "INV_ABPI");
    }
}
