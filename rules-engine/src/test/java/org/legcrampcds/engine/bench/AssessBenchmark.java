package org.legcrampcds.engine.bench;

import java.util.concurrent.TimeUnit;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.PatientFixture;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Symptom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one assessment on a shared assessor (the production shape: rules built once), for a
 * quiet patient, the interfaces.md example patient, a multimorbid patient who fires many rules, and a
 * partial record whose dataRequired needs a what-if evaluation per not-recorded safety input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessBenchmark {

    private CrampAssessor assessor;
    private PatientCase quiet;
    private PatientCase example;
    private PatientCase multimorbid;
    private PatientCase partial;

    @Setup
    public void setUp() {
        assessor = CrampAssessor.builder().build();
        quiet = PatientFixture.quietPatient().build();
        example = PatientFixture.quietPatient().age(67).nightsPerWeek(5).durationMinutes("3").weeksSinceOnset("6")
                .conditions(Condition.HEART_FAILURE).medication("furosemide", DrugClass.LOOP_DIURETIC, 70)
                .medication("ramipril", DrugClass.ACE_INHIBITOR, 900).lab(LabTest.POTASSIUM, "3.2", "mmol/L")
                .lab(LabTest.SODIUM, "138", "mmol/L").lab(LabTest.MAGNESIUM, "1.9", "mg/dL").toesPointed().build();
        multimorbid = PatientFixture.quietPatient().age(80).nightsPerWeek(6).weeksSinceOnset("10").durationMinutes("12")
                .conditions(Condition.DIABETES, Condition.HEART_FAILURE, Condition.CHRONIC_KIDNEY_DISEASE, Condition.VARICOSE_VEINS)
                .symptoms(Symptom.CALF_TENDERNESS, Symptom.TINGLING, Symptom.DIFFUSE_MUSCLE_PAIN, Symptom.SHORTNESS_OF_BREATH)
                .medication("furosemide", DrugClass.LOOP_DIURETIC, 100).medication("ramipril", DrugClass.ACE_INHIBITOR, 900)
                .medication("atorvastatin", DrugClass.STATIN, 60).medication("quinine sulfate", DrugClass.QUININE, 30)
                .medication("warfarin", DrugClass.ANTICOAGULANT, 400)
                .lab(LabTest.POTASSIUM, "3.3", "mmol/L").lab(LabTest.EGFR, "28", "mL/min/1.73m2")
                .lab(LabTest.MAGNESIUM, "1.5", "mg/dL").immobilised().build();
        // Catalogue 11.4's worked example: almost nothing recorded, so 30 what-if evaluations for dataRequired.
        partial = PatientFixture.quietPatient().age(58).medication("furosemide", DrugClass.LOOP_DIURETIC)
                .labTaken(LabTest.POTASSIUM, "2.3", "mmol/L", 2).notRecorded("cramps.*", "history.*", "symptoms.*").build();
    }

    @Benchmark
    public Assessment quietPatient() {
        return assessor.assess(quiet);
    }

    @Benchmark
    public Assessment examplePatient() {
        return assessor.assess(example);
    }

    @Benchmark
    public Assessment multimorbidPatient() {
        return assessor.assess(multimorbid);
    }

    @Benchmark
    public Assessment partialRecord() {
        return assessor.assess(partial);
    }
}
