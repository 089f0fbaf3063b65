package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.PatientCase;

/**
 * Every shipped way of running the rules gives the results of the reference way (the DRL compiled
 * at run time, a new session per call): the precompiled executable model and the run-time compiled
 * DRL, each under every {@link ExecutionStrategy.Kind}. The patients come in one long sequence, so
 * that a reused session that kept anything from the case before would show.
 */
class ExecutionStrategiesTest {

    private static final RuleBase PRECOMPILED = RuleBase.builtIn();
    private static final RuleBase RUN_TIME = RuleBase.build(RuleSource.ofFiles(RuleSource.builtIn().files()));
    private static final CrampAssessor REFERENCE = CrampAssessor.on(RUN_TIME, ExecutionStrategy.Kind.SESSION_PER_CALL);
    private static final List<PatientCase> PATIENTS = RandomPatients.patients().sampleStream().limit(1_500).toList();

    @Test
    void theBuiltInRulesAreTheExecutableModelTheBuildPrecompiled() {
        assertThat(PRECOMPILED.precompiled()).isTrue();
        assertThat(RUN_TIME.precompiled()).isFalse();
    }

    @Test
    void theModelIsUsedOnlyForTheFilesItWasCompiledFrom() {
        List<RuleFile> builtIn = RuleFiles.builtIn();
        assertThat(PrecompiledRules.load(builtIn)).isNotNull();
        List<RuleFile> edited = builtIn.stream()
                .map(f -> f.name().equals("20-red-flags.drl") ? new RuleFile(f.name(), f.content() + "\n// edited\n") : f)
                .toList();
        assertThat(PrecompiledRules.load(edited)).as("a model compiled from other files").isNull();
    }

    @Test
    void precompiledAndRunTimeCompiledRules_areTheSameRuleBase() {
        assertThat(PRECOMPILED.rulesetVersion()).isEqualTo(RUN_TIME.rulesetVersion());
        assertThat(PRECOMPILED.rules()).isEqualTo(RUN_TIME.rules());
        assertThat(PRECOMPILED.thresholds()).isEqualTo(RUN_TIME.thresholds());
    }

    @ParameterizedTest
    @EnumSource(ExecutionStrategy.Kind.class)
    void precompiledRules_giveTheReferenceResults(ExecutionStrategy.Kind execution) {
        assertSameResults(CrampAssessor.on(PRECOMPILED, execution));
    }

    @ParameterizedTest
    @EnumSource(ExecutionStrategy.Kind.class)
    void runTimeCompiledRules_giveTheReferenceResults(ExecutionStrategy.Kind execution) {
        assertSameResults(CrampAssessor.on(RUN_TIME, execution));
    }

    @ParameterizedTest
    @EnumSource(ExecutionStrategy.Kind.class)
    void concurrentCallers_getTheReferenceResults(ExecutionStrategy.Kind execution) throws Exception {
        CrampAssessor assessor = CrampAssessor.on(PRECOMPILED, execution);
        List<Assessment> expected = PATIENTS.stream().map(REFERENCE::assess).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Assessment>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> PATIENTS.stream().map(assessor::assess).toList()));
            }
            for (Future<List<Assessment>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertSameResults(CrampAssessor assessor) {
        for (PatientCase patient : PATIENTS) {
            assertThat(assessor.assess(patient)).as(patient.toString()).isEqualTo(REFERENCE.assess(patient));
        }
    }
}
