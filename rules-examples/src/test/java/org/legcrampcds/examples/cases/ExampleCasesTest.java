package org.legcrampcds.examples.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Suppression;

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
        Assessment result = Engines.builtIn().assess(example.patientCase());

        assertThat(new TreeSet<>(result.codes())).as("findings").containsExactlyElementsOf(example.present());
        assertThat(new TreeSet<>(result.suppressedCodes())).as("suppressed").containsExactlyElementsOf(example.suppressed());
        if (!example.suppressedBy().isEmpty()) {
            Map<String, Set<String>> actual = result.suppressed().stream()
                    .collect(Collectors.toMap(Suppression::code, s -> new TreeSet<>(s.suppressedBy()), (a, b) -> a, TreeMap::new));
            assertThat(actual).as("suppressedBy").isEqualTo(example.suppressedBy());
        }
        assertThat(result.highestUrgency()).as("highestUrgency").isEqualTo(example.highestUrgency());
    }
}
