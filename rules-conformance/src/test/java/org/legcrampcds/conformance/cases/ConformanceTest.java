package org.legcrampcds.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.Engines;

/**
 * The specification's conformance sample, kept as a copy in {@code conformance/} (see its README):
 * every case must give exactly its expected result, {@code dataRequired}, {@code staleLabs} and
 * {@code recordComplete} included.
 */
class ConformanceTest {

    static List<ExampleCase> cases() {
        List<ExampleCase> cases = ExampleCase.specifiedIn(ExampleCase.classpathFolder("conformance"));
        assertThat(cases).as("the conformance sample").isNotEmpty();
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheSpecifiedResult(ExampleCase conformance) {
        conformance.assertMatches(Engines.builtIn().assess(conformance.patientCase()));
    }
}
