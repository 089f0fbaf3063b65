package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.Finding;

/**
 * Review defects (release 2.2) in how interlocks change a text. Appended sentences were ordered by
 * the spelling of their rules' ids, so a rule numbered {@code -10} would put its sentence before
 * {@code -02}'s, against the catalogue's stated order; and two {@code replace} amendments of one
 * text silently kept whichever came last. Sentences now follow the order the rules are written in,
 * and conflicting replacements are rejected when the rule base is built (LCC-R019).
 */
@Tag("slow") // builds many rule bases: among the longest of the module (skipped by -Dquick)
class AmendmentOrderRegressionTest {

    @TempDir
    Path dir;

    /** Pregnancy, anticoagulant, QT risk, renal: the order of catalogue §5.6, whatever the ids. */
    @Test
    void quinineSentences_followTheCataloguesOrderEvenWhenARuleIsRenumbered() throws IOException {
        PatientFixture patient = quietPatient().pregnantWeeks(20).conditions(Condition.HEART_FAILURE, Condition.DIALYSIS)
                .medication("quinine sulfate", DrugClass.QUININE).medication("warfarin", DrugClass.ANTICOAGULANT);
        String builtIn = quinineAction(Engines.builtIn(), patient);

        copyBuiltIn();
        Path safety = dir.resolve("60-safety.drl");
        Files.writeString(safety, Files.readString(safety).replace("SAFETY-QUININE-02", "SAFETY-QUININE-10"));
        String renumbered = quinineAction(CrampAssessor.builder().rulesFrom(dir).build(), patient);

        assertThat(renumbered).isEqualTo(builtIn);
        assertThat(builtIn.indexOf("pregnant")).isLessThan(builtIn.indexOf("blood thinner"));
        assertThat(builtIn.indexOf("blood thinner")).isLessThan(builtIn.indexOf("QT"));
        assertThat(builtIn.indexOf("QT")).isLessThan(builtIn.indexOf("kidney"));
    }

    @Test
    void twoReplacementsOfOneText_failTheBuild() throws IOException {
        copyBuiltIn();
        Path safety = dir.resolve("60-safety.drl");
        String original = Files.readString(safety);
        String edited = original.replace(
                "@suppresses(\"SC_HYDRATION\")\n    ruleflow-group \"safety\"\nwhen\n    Indicator( state == State.NA_MODERATE_LOW )",
                "@suppresses(\"SC_HYDRATION\") @amends(\"CAUSE_ELECTROLYTE_LOSS replace fluid-plan\")\n"
                        + "    ruleflow-group \"safety\"\nwhen\n    Indicator( state == State.NA_MODERATE_LOW )");
        assertThat(edited).as("the edit this test makes").isNotEqualTo(original);
        Files.writeString(safety, edited);
        assertThatThrownBy(() -> CrampAssessor.builder().rulesFrom(dir).build())
                .isInstanceOf(RuleBaseException.class)
                .satisfies(RuleBaseTest.hasProblem(RuleDiagnostic.CONFLICTING_AMENDMENTS));
    }

    private static String quinineAction(CrampAssessor assessor, PatientFixture patient) {
        return assessor.assess(patient.build()).finding("MED_REVIEW_QUININE").map(Finding::action).orElseThrow();
    }

    private void copyBuiltIn() throws IOException {
        for (RuleFile file : RuleFiles.builtIn()) {
            Files.writeString(dir.resolve(file.name()), file.content());
        }
    }
}
