package org.legcrampcds.conformance.cases;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.Engines;

/**
 * Runs every example case and compares its whole result with the hand-worked expectation: an extra
 * finding fails as surely as a missing one.
 */
class ExampleCasesTest {

    static List<ExampleCase> cases() {
        return ExampleCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultMatchesTheExpectation(ExampleCase example) {
        example.assertMatches(Engines.builtIn().assess(example.patientCase()));
    }
}
