package org.legcrampcds.examples.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.Engines;

/**
 * The conformance sample of the shared specification (its 20 cases and the example case of
 * interfaces.md §1): the same comparison as {@code ../shared/tools/conformance}, in the build.
 */
class ConformanceTest {

    static List<ExampleCase> cases() {
        List<ExampleCase> cases = new ArrayList<>(ExampleCase.allIn(SharedSpec.spec("conformance")));
        assertThat(cases).hasSize(20);
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheSpecifiedResult(ExampleCase conformance) {
        conformance.assertMatches(Engines.builtIn().assess(conformance.patientCase()));
    }
}
