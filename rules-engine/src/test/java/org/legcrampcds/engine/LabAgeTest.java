package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.StaleLab;

/** Lab age (catalogue §12): a stale lab is absent for every rule and listed in {@code staleLabs}. */
class LabAgeTest {

    @Test
    void aStalePotassium_raisesNothingAndIsAskedForAgain() {
        Assessment result = Assess.assess(quietPatient().medication("furosemide", DrugClass.LOOP_DIURETIC)
                .labTaken(LabTest.POTASSIUM, "2.3", "mmol/L", 31));
        assertThat(result.codes()).doesNotContain("RF_SEVERE_ELECTROLYTE_DISTURBANCE", "CAUSE_HYPOKALAEMIA")
                .contains("INV_ELECTROLYTES");
        assertThat(result.staleLabs()).containsExactly(new StaleLab(LabTest.POTASSIUM, 31, 30));
    }

    @Test
    void aLabExactlyAtItsWindow_isCurrent() {
        Assessment result = Assess.assess(quietPatient().labTaken(LabTest.POTASSIUM, "2.3", "mmol/L", 30));
        assertThat(result.codes()).contains("RF_SEVERE_ELECTROLYTE_DISTURBANCE");
        assertThat(result.staleLabs()).isEmpty();
    }

    @Test
    void aStaleTsh_setsItsUpperLimitAsideToo() {
        Assessment result = Assess.assess(quietPatient().nightsPerWeek(4).weeksSinceOnset("6")
                .labTaken(LabTest.TSH, "9.0", "mU/L", 366));
        assertThat(result.codes()).contains("INV_TSH").doesNotContain("CAUSE_MEDICAL_CONDITION");
        assertThat(result.firedRules()).doesNotContain("DRV-TSH-ULN-DEFAULT", "DRV-TSH-ABOVE-ULN");
    }

    @Test
    void staleLabs_areOrderedByTestName() {
        Assessment result = Assess.assess(quietPatient()
                .labTaken(LabTest.SODIUM, "140", "mmol/L", 40)
                .labTaken(LabTest.HAEMOGLOBIN, "140", "g/L", 91)
                .labTaken(LabTest.CK, "100", "U/L", 31));
        assertThat(result.staleLabs()).extracting(StaleLab::test)
                .containsExactly(LabTest.CK, LabTest.HAEMOGLOBIN, LabTest.SODIUM);
    }
}
