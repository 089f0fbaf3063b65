package org.legcrampcds.conformance.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hazard log's checker fails where it must: a named test that does not exist (or was removed),
 * a disabled test, a method that is not a test, a hazard without a control, a control without a
 * test, an unknown rule or check, and a rating given without sign-off. A small repository in a
 * temporary folder holds the tests the logs below name.
 */
class HazardLogCheckTest {

    @TempDir
    Path repository;

    private SourceTests tests;

    @BeforeEach
    void aRepositoryWithTests() throws IOException {
        Path sources = repository.resolve("module-a/src/test/java/org/example");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("GuardTest.java"), """
                package org.example;

                import org.junit.jupiter.api.Disabled;
                import org.junit.jupiter.api.Nested;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.params.ParameterizedTest;
                import org.junit.jupiter.params.provider.CsvSource;
                import org.junit.jupiter.params.provider.ValueSource;

                class GuardTest {

                    @Test
                    void guardsTheHazard() {
                    }

                    @ParameterizedTest(name = "{0}")
                    @ValueSource(strings = {"a", "b"})
                    void guardsEachCase(String value) {
                    }

                    @ParameterizedTest
                    @CsvSource(delimiter = ';', value = {
                            // an argument with parentheses of its own (as LabTestTest has)
                            "a; (b)"
                    })
                    void guardsWithACommentInItsArguments(String a, String b) {
                    }

                    @Disabled("flaky")
                    @Test
                    void switchedOff() {
                    }

                    void helper() {
                    }

                    @Nested
                    class Inner {
                        @Test
                        void nestedGuard() {
                        }
                    }

                    @Disabled
                    @Nested
                    class Off {
                        @Test
                        void inAnOffClass() {
                        }
                    }
                }
                """);
        tests = new SourceTests(repository);
    }

    @Test
    void aLogWhoseTestsExistAndRun_hasNoProblem() {
        String log = log("`test org.example.GuardTest#guardsTheHazard`, `test org.example.GuardTest#guardsEachCase`, "
                + "`test org.example.GuardTest$Inner#nestedGuard`, `test org.example.GuardTest#guardsWithACommentInItsArguments`, "
                + "`rule RF-1`, `check LCC-V001`");

        assertThat(problems(log)).isEmpty();
    }

    @Test
    void aNamedTestThatDoesNotExist_isAProblem() {
        assertThat(problems(log("`test org.example.GuardTest#removedTest`")))
                .singleElement().asString().contains("HAZ-001").contains("org.example.GuardTest#removedTest").contains("NO_METHOD");
        assertThat(problems(log("`test org.example.GoneTest#guardsTheHazard`")))
                .singleElement().asString().contains("NO_CLASS");
        assertThat(problems(log("`test org.example.GuardTest$Missing#nestedGuard`")))
                .singleElement().asString().contains("NO_CLASS");
    }

    @Test
    void aDisabledTest_orOneInADisabledClass_isAProblem() {
        assertThat(problems(log("`test org.example.GuardTest#switchedOff`"))).singleElement().asString().contains("DISABLED");
        assertThat(problems(log("`test org.example.GuardTest$Off#inAnOffClass`"))).singleElement().asString().contains("DISABLED");
    }

    @Test
    void aMethodThatIsNotATest_isAProblem() {
        assertThat(problems(log("`test org.example.GuardTest#helper`"))).singleElement().asString().contains("NOT_A_TEST");
    }

    @Test
    void aHazardWithoutControl_orAControlWithoutTest_isAProblem() {
        String noControl = log("`test org.example.GuardTest#guardsTheHazard`").replaceAll("(?m)^  - .*\\n", "");
        assertThat(problems(noControl)).singleElement().asString().contains("HAZ-001").contains("no control");

        assertThat(problems(log("`rule RF-1` only"))).singleElement().asString().contains("a control that names no test");
    }

    @Test
    void anUnknownRuleOrCheck_isAProblem() {
        assertThat(problems(log("`test org.example.GuardTest#guardsTheHazard`, `rule RF-9`, `check LCC-V999`")))
                .hasSize(2).anySatisfy(p -> assertThat(p).contains("rule RF-9")).anySatisfy(p -> assertThat(p).contains("check LCC-V999"));
    }

    @Test
    void aRatingWithoutSignOff_isAProblem() {
        String invented = log("`test org.example.GuardTest#guardsTheHazard`").replace("- **Initial risk**: awaiting clinical sign-off",
                "- **Initial risk**: severity 3, likelihood 2");
        assertThat(problems(invented)).singleElement().asString().contains("rating without sign-off");

        String signed = log("`test org.example.GuardTest#guardsTheHazard`").replace("- **Initial risk**: awaiting clinical sign-off",
                "- **Initial risk**: severity 3, likelihood 2, signed off by A. Clinician on 2027-01-15");
        assertThat(problems(signed)).isEmpty();
    }

    @Test
    void theRealLog_failsWhenATestItNamesIsRemoved() throws IOException {
        HazardLog real = HazardLogTest.read();
        String named = real.hazards().get(0).controls().get(0).tests().get(0);
        String text = Files.readString(HazardLogTest.repository().resolve("docs/safety/hazard-log.md"));
        String removed = text.replace("`test " + named + "`", "`test " + named + "Removed`");

        List<String> problems = HazardLogCheck.problems(HazardLog.parse(removed), new SourceTests(HazardLogTest.repository()),
                HazardLogTest.ruleIds(), HazardLogTest.diagnosticCodes());

        assertThat(problems).singleElement().asString().contains(named + "Removed").contains("NO_METHOD");
    }

    @Test
    void aMalformedLog_isReportedByLine_neverSkipped() {
        String log = log("`test org.example.GuardTest#guardsTheHazard`").replace("- **Effect**:", "- **Efect**:");

        assertThat(problems(log)).anySatisfy(p -> assertThat(p).contains("unknown field 'Efect'"))
                .anySatisfy(p -> assertThat(p).contains("no Effect"));
    }

    private List<String> problems(String log) {
        return HazardLogCheck.problems(HazardLog.parse(log), tests, Set.of("RF-1"), Set.of("LCC-V001"));
    }

    private static String log(String references) {
        return """
                # Hazard log

                **Version 1 (2026-12-07)**

                ## HAZ-001 A hazard

                - **Source**: issue-20:unit
                - **Hazard**: h
                - **Cause**: c
                - **Effect**: e
                - **Initial risk**: awaiting clinical sign-off
                - **Controls**:
                  - A control: %s
                - **Residual risk**: awaiting clinical sign-off
                - **Open**: none known.
                """.formatted(references);
    }
}
