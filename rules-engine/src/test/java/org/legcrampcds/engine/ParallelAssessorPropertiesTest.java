package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * Random batches (complete and partial records, current and aged labs) assessed in parallel give,
 * case by case and in order, what assessing each alone gives; with one thread and with several.
 */
@Tag("slow") // property test; jqwik's tag, which JUnit Platform filters like JUnit's (skipped by -Dquick)
class ParallelAssessorPropertiesTest {

    private static final CrampAssessor ASSESSOR = Engines.builtIn();

    @Property(tries = 40, seed = "20261201", shrinking = ShrinkingMode.BOUNDED)
    void aParallelBatch_equalsOneByOneAssessment_inInputOrder(@ForAll("batches") List<PatientCase> cases,
                                                              @ForAll("threads") int threads) throws InterruptedException {
        List<Assessment> sequential = cases.stream().map(ASSESSOR::assess).toList();

        List<CaseOutcome> parallel = ParallelAssessor.of(ASSESSOR).withThreads(threads).withWindow(7).assessAll(cases);

        assertThat(parallel).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            assertThat(parallel.get(i).patientCase()).isSameAs(cases.get(i));
            Assessment expected = sequential.get(i);
            assertThat(parallel.get(i)).as("outcome %d", i).isInstanceOfSatisfying(CaseOutcome.Assessed.class,
                    a -> assertThat(a.assessment()).isEqualTo(expected));
        }
    }

    @Provide
    Arbitrary<List<PatientCase>> batches() {
        return RandomPatients.patients().list().ofMaxSize(25);
    }

    @Provide
    Arbitrary<Integer> threads() {
        return Arbitraries.of(1, 2, 4);
    }
}
