package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.History;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Side;

/** The README's Java quick start, kept compiling and true. */
class ReadmeQuickStartTest {

    @Test
    void quickStart_assessesThePatient() {
        CrampAssessor assessor = Engines.builtIn();

        PatientCase patient = PatientCase.builder()
                .patient(new Patient(67, Sex.FEMALE, null, null))
                .cramps(new Cramps(5, new BigDecimal("3"), Set.of(CrampSite.CALF), Side.BOTH, new BigDecimal("6")))
                .history(History.builder().longTravelHoursLast14Days(BigDecimal.ZERO).immobilisedLast28Days(false)
                        .majorSurgeryLast84Days(false).strenuousExerciseLast48Hours(false)
                        .sittingOrStandingHoursPerDay(new BigDecimal("6")).fluidIntakeLitresPerDay(new BigDecimal("1.5"))
                        .alcoholUnitsPerWeek(new BigDecimal("2")).smoker(false).sleepsWithToesPointedOrProne(true).build())
                .medication(new Medication("furosemide", DrugClass.LOOP_DIURETIC, 70))
                .lab(new LabResult(LabTest.MAGNESIUM, new BigDecimal("1.9"), "mg/dL"))
                .build();

        Assessment result = assessor.assess(patient);

        assertThat(patient.labs().get(0).value()).isEqualByComparingTo("0.78");
        assertThat(result.codes()).contains("RF_PERSISTENT_CRAMPS", "MED_REVIEW_CRAMP_INDUCING_DRUG", "CAUSE_AGE");
    }
}
