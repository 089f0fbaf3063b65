package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Symptom;

/** Partial records (catalogue §11): the reading rule, self-care gating and {@code dataRequired}. */
class PartialRecordTest {

    @Test
    void aCompleteRecord_isCompleteAndAsksNothing() {
        Assessment result = Assess.assess(quietPatient());
        assertThat(result.recordComplete()).isTrue();
        assertThat(result.dataRequired()).isEmpty();
        assertThat(result.staleLabs()).isEmpty();
    }

    /** The worked example of §11.4, verbatim: findings, no self-care, and the questions in order. */
    @Test
    void theWorkedExampleOfTheCatalogue() {
        Assessment result = Assess.assess(quietPatient().age(58).sex(Sex.FEMALE)
                .medication("furosemide", DrugClass.LOOP_DIURETIC)
                .labTaken(LabTest.POTASSIUM, "2.3", "mmol/L", 2)
                .notRecorded("cramps.*", "history.*", "symptoms.*"));

        assertThat(result.codes()).containsExactlyInAnyOrder("RF_SEVERE_ELECTROLYTE_DISTURBANCE", "CAUSE_HYPOKALAEMIA",
                "MED_REVIEW_CRAMP_INDUCING_DRUG", "INV_ELECTROLYTES", "SAFETY_EMERGENCY_FIRST");
        assertThat(result.suppressed()).isEmpty();
        assertThat(result.recordComplete()).isFalse();
        assertThat(result.dataRequired()).containsExactly(
                entry("symptoms.COLD_PALE_LEG", "RF_ACUTE_LIMB_ISCHAEMIA"),
                entry("symptoms.SADDLE_NUMBNESS", "RF_CAUDA_EQUINA"),
                entry("symptoms.CALF_SWELLING_UNILATERAL", "RF_DVT_SUSPECTED"),
                entry("symptoms.CHEST_PAIN", "RF_CARDIORESPIRATORY_SYMPTOMS"),
                entry("symptoms.SHORTNESS_OF_BREATH", "RF_CARDIORESPIRATORY_SYMPTOMS"),
                entry("symptoms.BURNING_FEET", "RF_PERIPHERAL_NEUROPATHY"),
                entry("symptoms.MUSCLE_WASTING", "RF_NEUROMUSCULAR_DISEASE"),
                entry("symptoms.MUSCLE_WEAKNESS", "RF_NEUROMUSCULAR_DISEASE"),
                entry("symptoms.NUMBNESS", "RF_PERIPHERAL_NEUROPATHY"),
                entry("symptoms.PAIN_ON_WALKING_RELIEVED_BY_REST", "RF_PAD_CLAUDICATION"),
                entry("symptoms.RADIATING_LEG_PAIN", "RF_NERVE_ROOT_COMPRESSION"),
                entry("symptoms.TINGLING", "RF_PERIPHERAL_NEUROPATHY"),
                entry("cramps.durationMinutes", "RF_PERSISTENT_CRAMPS"));
    }

    @Test
    void aNotRecordedSafetyInput_withholdsAllSelfCare() {
        Assessment result = Assess.assess(quietPatient().notRecorded("symptoms.CHEST_PAIN"));
        assertThat(result.findings()).noneMatch(f -> f.category() == Category.SELF_CARE);
        assertThat(result.suppressed()).isEmpty();
        assertThat(result.dataRequired()).containsExactly(entry("symptoms.CHEST_PAIN", "RF_CARDIORESPIRATORY_SYMPTOMS"));
    }

    @Test
    void onlyNonSafetyInputsNotRecorded_keepsSelfCare() {
        Assessment result = Assess.assess(quietPatient().notRecorded("history.smoker", "cramps.sites",
                "symptoms.URGE_TO_MOVE_LEGS_AT_REST"));
        assertThat(result.codes()).contains("SC_STRETCHING", "SC_MASSAGE", "SC_HEAT");
        assertThat(result.recordComplete()).isFalse();
        assertThat(result.dataRequired()).isEmpty();
    }

    /** §11.2: an unknown never excludes; ck5x with exercise not recorded still gives RF_NEUROMUSCULAR_DISEASE. */
    @Test
    void anUnknownNeverExcludes() {
        Assessment result = Assess.assess(quietPatient().lab(LabTest.CK, "1200", "U/L")
                .notRecorded("history.strenuousExerciseLast48Hours"));
        assertThat(result.codes()).contains("RF_NEUROMUSCULAR_DISEASE");
    }

    /** §11.2: an unknown never makes a criterion true; weeksSinceOnset unknown closes the new-drug window. */
    @Test
    void anUnknownNeverFires() {
        Assessment result = Assess.assess(quietPatient().medication("atorvastatin", DrugClass.STATIN, 20)
                .notRecorded("cramps.weeksSinceOnset"));
        assertThat(result.codes()).doesNotContain("MED_REVIEW_NEW_DRUG");
    }

    @Test
    void aQuestionWhoseRedFlagAlreadyFires_isNotAsked() {
        Assessment result = Assess.assess(quietPatient().symptoms(Symptom.SHORTNESS_OF_BREATH)
                .notRecorded("symptoms.CHEST_PAIN"));
        assertThat(result.codes()).contains("RF_CARDIORESPIRATORY_SYMPTOMS");
        assertThat(result.dataRequired()).isEmpty();
    }

    @Test
    void pregnancyNotRecorded_isAskedWhenItWouldRaiseAClot() {
        Assessment result = Assess.assess(quietPatient().symptoms(Symptom.CALF_TENDERNESS)
                .notRecorded("patient.pregnancyWeeks", "patient.postpartumWeeks"));
        assertThat(result.codes()).doesNotContain("RF_DVT_SUSPECTED");
        assertThat(result.dataRequired()).containsExactly(
                entry("patient.postpartumWeeks", "RF_DVT_SUSPECTED"),
                entry("patient.pregnancyWeeks", "RF_DVT_SUSPECTED"));
    }

    private static DataRequired entry(String input, String... codes) {
        return new DataRequired(input, List.of(codes));
    }
}
