package org.legcrampcds.examples.cases;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleSource;

/**
 * Every example and conformance case through the other execution path: the built-in files compiled
 * at run time (as {@code --rules DIR} is), where the other tests run the executable model the build
 * precompiled. Both must give the hand-worked result.
 */
class RunTimeCompiledRulesTest {

    private static final CrampAssessor COMPILED_NOW = CrampAssessor.on(RuleBase.build(RuleSource.ofFiles(RuleSource.builtIn().files())));

    static List<ExampleCase> cases() {
        List<ExampleCase> all = new ArrayList<>(ExampleCase.all());
        all.addAll(ConformanceTest.cases());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesTheExpectedResult(ExampleCase example) {
        example.assertMatches(COMPILED_NOW.assess(example.patientCase()));
    }
}
