package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule base is checked once, at build: a broken or incomplete rule never reaches a patient. */
class RuleBaseTest {

    @TempDir
    Path dir;

    @Test
    void builtInRuleBase_hasEveryFindingRuleWithFullMetadata() {
        List<RuleInfo> findingRules = Engines.builtIn().rules().stream().filter(r -> r.code().isPresent()).toList();
        assertThat(findingRules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.category()).isPresent();
            assertThat(rule.urgency()).isPresent();
            assertThat(rule.sources()).isNotEmpty();
            assertThat(rule.version()).isNotBlank();
            assertThat(rule.code().get()).startsWith(rule.category().get().codePrefix());
            assertThat(rule.name()).startsWith(rule.id() + " ");
        });
        // Exactly the catalogue's codes, each with the catalogue's category and urgency.
        assertThat(findingRules.stream().map(r -> r.code().get()).distinct())
                .containsExactlyInAnyOrderElementsOf(CatalogueCodes.all().keySet());
        assertThat(findingRules).allSatisfy(rule -> {
            CatalogueCodes.Code row = CatalogueCodes.all().get(rule.code().get());
            assertThat(rule.category()).as(rule.id()).contains(row.category());
            assertThat(rule.urgency()).as(rule.id()).contains(row.urgency());
        });
    }

    @Test
    void rulesetVersion_isReleaseVersionPlusHash() {
        assertThat(Engines.builtIn().rulesetVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+[0-9a-f]{12}");
    }

    @Test
    void copyOfBuiltInRules_buildsWithTheSameVersion() throws IOException {
        copyBuiltIn();
        CrampAssessor copy = CrampAssessor.builder().rulesFrom(dir).build();
        assertThat(copy.rulesetVersion()).isEqualTo(Engines.builtIn().rulesetVersion());
    }

    @Test
    void editedRuleText_changesTheVersion() throws IOException {
        copyBuiltIn();
        Path texts = dir.resolve("finding-texts.properties");
        Files.writeString(texts, Files.readString(texts).replace("Flat feet are associated", "Flat feet are linked"));
        assertThat(CrampAssessor.builder().rulesFrom(dir).build().rulesetVersion())
                .isNotEqualTo(Engines.builtIn().rulesetVersion());
    }

    @Test
    void syntaxError_failsTheBuildWithFileAndLine() throws IOException {
        String brokenPattern = "Indicator( state == State.K_LOW )";
        int line = lineOf(builtIn("30-causes.drl"), brokenPattern);

        buildFailsAfterEditing("30-causes.drl", text -> text.replace(brokenPattern, "Indicator( state == State.K_LOW "))
                .hasMessageContaining("30-causes.drl:")
                .satisfies(e -> {
                    List<RuleProblem> problems = ((RuleBaseException) e).problems();
                    assertThat(problems).isNotEmpty();
                    assertThat(problems.get(0).file()).isEqualTo("30-causes.drl");
                    assertThat(problems.get(0).line()).isBetween(line, line + 2);
                });
    }

    @Test
    void unknownFactField_failsTheBuildNamingTheRuleLine() throws IOException {
        buildFailsAfterEditing("70-self-care.drl", text -> text.replace("Indicator( state == State.STRENUOUS_EXERCISE )",
                "Indicator( sate == State.STRENUOUS_EXERCISE )"))
                .satisfies(e -> {
                    List<RuleProblem> problems = ((RuleBaseException) e).problems();
                    assertThat(problems).extracting(RuleProblem::file).contains("70-self-care.drl");
                    assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
                });
    }

    @Test
    void findingRuleWithoutUrgency_failsTheBuild() throws IOException {
        buildFailsAfterEditing("30-causes.drl", text -> text.replace("@code(\"CAUSE_FLAT_FEET\") @category(\"CAUSE\") @urgency(\"INFO\")",
                "@code(\"CAUSE_FLAT_FEET\") @category(\"CAUSE\")"))
                .hasMessageContaining("30-causes.drl:")
                .satisfies(hasProblem(RuleDiagnostic.BAD_CATEGORY_OR_URGENCY));
    }

    @Test
    void findingWithoutText_failsTheBuild() throws IOException {
        buildFailsAfterEditing("finding-texts.properties", text -> text.replaceAll("(?m)^CAUSE_FLAT_FEET\\.action = .*$", ""))
                .satisfies(hasProblem(RuleDiagnostic.MISSING_TEXT));
    }

    @Test
    void suppressingANonSelfCareCode_failsTheBuild() throws IOException {
        buildFailsAfterEditing("60-safety.drl", text -> text.replace("@suppresses(\"SC_HEAT\")", "@suppresses(\"RF_DVT_SUSPECTED\")"))
                .satisfies(hasProblem(RuleDiagnostic.BAD_SUPPRESSION_TARGET));
    }

    @Test
    void unknownMetadata_failsTheBuild() throws IOException {
        // Drools reserves @modifies and would swallow it: a mistyped or reserved key must not pass silently.
        buildFailsAfterEditing("60-safety.drl", text -> text.replace("@amends(\"SC_ACUTE_CRAMP_RELIEF drop heat\")",
                "@modifies(\"SC_ACUTE_CRAMP_RELIEF drop heat\")"))
                .hasMessageContaining("60-safety.drl:")
                .satisfies(hasProblem(RuleDiagnostic.UNKNOWN_METADATA));
    }

    @Test
    void mistypedRuleflowGroup_failsTheBuildInsteadOfNeverFiring() throws IOException {
        buildFailsAfterEditing("30-causes.drl", text -> fromRule(text, "CAUSE-FLAT-01",
                rule -> rule.replaceFirst("ruleflow-group \"cause\"", "ruleflow-group \"causes\"")))
                .satisfies(hasProblem(RuleDiagnostic.UNKNOWN_RULEFLOW_GROUP));
    }

    @Test
    void findingRuleInAnotherCategorysGroup_failsTheBuild() throws IOException {
        buildFailsAfterEditing("30-causes.drl", text -> fromRule(text, "CAUSE-FLAT-01",
                rule -> rule.replaceFirst("ruleflow-group \"cause\"", "ruleflow-group \"safety\"")))
                .satisfies(hasProblem(RuleDiagnostic.WRONG_RULEFLOW_GROUP));
    }

    @Test
    void duplicateRuleId_failsTheBuild() throws IOException {
        buildFailsAfterEditing("30-causes.drl", text -> text.replace("@id(\"CAUSE-FLAT-01\")", "@id(\"CAUSE-AGE-01\")"))
                .satisfies(hasProblem(RuleDiagnostic.DUPLICATE_ID));
    }

    @Test
    void missingDirectory_isARuleBaseProblemNotACrash() {
        assertThatThrownBy(() -> CrampAssessor.builder().rulesFrom(dir.resolve("nowhere")).build())
                .isInstanceOf(RuleBaseException.class)
                .satisfies(hasProblem(RuleDiagnostic.UNREADABLE_RULES));
    }

    /** The failure is a rule-base problem with this diagnostic code. */
    static java.util.function.Consumer<Throwable> hasProblem(RuleDiagnostic code) {
        return e -> assertThat(((RuleBaseException) e).problems()).extracting(RuleProblem::diagnostic).contains(code);
    }

    /** Copies the built-in rules, edits one file, and expects the build of that rule base to fail. */
    private AbstractThrowableAssert<?, ? extends Throwable> buildFailsAfterEditing(String file, UnaryOperator<String> edit)
            throws IOException {
        copyBuiltIn();
        Path path = dir.resolve(file);
        String original = Files.readString(path);
        String edited = edit.apply(original);
        assertThat(edited).as("the edit this test makes to " + file).isNotEqualTo(original);
        Files.writeString(path, edited);
        return assertThatThrownBy(() -> CrampAssessor.builder().rulesFrom(dir).build()).isInstanceOf(RuleBaseException.class);
    }

    /** Applies an edit to the text from the declaration of the rule with this id onwards. */
    private static String fromRule(String drl, String ruleId, UnaryOperator<String> edit) {
        int at = drl.indexOf("@id(\"" + ruleId + "\")");
        return drl.substring(0, at) + edit.apply(drl.substring(at));
    }

    private void copyBuiltIn() throws IOException {
        List<RuleFile> files = RuleFiles.builtIn();
        assertThat(files).extracting(RuleFile::name).contains("10-derive.drl", "finding-texts.properties");
        for (RuleFile file : files) {
            Files.writeString(dir.resolve(file.name()), builtIn(file.name()));
        }
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = RuleBaseTest.class.getClassLoader().getResourceAsStream(RuleFiles.BUILT_IN_FOLDER + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(String text, String needle) {
        return 1 + (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
    }
}
