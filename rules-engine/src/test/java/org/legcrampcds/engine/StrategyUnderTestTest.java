package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tests of this JVM run the rules the way {@link Engines} was asked to: without this, a test
 * execution meant for another strategy could run the default one and prove nothing new.
 */
class StrategyUnderTestTest {

    @Test
    void theSharedAssessorRunsTheRequestedRulesAndStrategy() {
        CrampAssessor assessor = Engines.builtIn();
        boolean runTime = "run-time".equals(System.getProperty(Engines.RULES));
        assertThat(assessor.ruleBase().precompiled()).as(Engines.describe()).isEqualTo(!runTime);
        String execution = System.getProperty(Engines.EXECUTION);
        assertThat(assessor.executionKind()).as(Engines.describe())
                .isEqualTo(execution == null ? ExecutionStrategy.Kind.BEST : ExecutionStrategy.Kind.valueOf(execution));
    }
}
