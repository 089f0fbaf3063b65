package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.PatientFixture.quietPatient;
import static org.legcrampcds.model.Symptom.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.PatientCase;

/** One assessor shared by several threads gives exactly the results of a sequential run. */
class ConcurrencyTest {

    @Test
    void sharedAssessor_givesSequentialResultsUnderContention() throws Exception {
        List<PatientCase> cases = List.of(
                quietPatient().symptoms(CALF_TENDERNESS, CHEST_PAIN).travelHours("11").build(),
                quietPatient().age(67).conditions(Condition.HEART_FAILURE).medication("furosemide", DrugClass.LOOP_DIURETIC, 70)
                        .lab(LabTest.POTASSIUM, "3.2", "mmol/L").lab(LabTest.MAGNESIUM, "1.9", "mg/dL").toesPointed().build(),
                quietPatient().pregnantWeeks(30).medication("quinine sulfate", DrugClass.QUININE).symptoms(NUMBNESS).build(),
                quietPatient().conditions(Condition.DIALYSIS).lab(LabTest.EGFR, "12", "mL/min/1.73m2")
                        .medication("magnesium oxide", DrugClass.MAGNESIUM_SUPPLEMENT).build(),
                quietPatient().build());
        CrampAssessor assessor = Engines.builtIn();
        List<Assessment> expected = cases.stream().map(assessor::assess).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Assessment>> futures = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                PatientCase c = cases.get(i % cases.size());
                futures.add(pool.submit(() -> assessor.assess(c)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(expected.get(i % cases.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
