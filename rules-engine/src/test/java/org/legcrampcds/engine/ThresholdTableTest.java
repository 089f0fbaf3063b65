package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.legcrampcds.engine.PatientFixture.quietPatient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.rules.Threshold;

/** thresholds.csv: the one place a lab decision value is written, read by the rules and their evidence. */
class ThresholdTableTest {

    private static final PatientCase POTASSIUM_3_2 = quietPatient().lab(LabTest.POTASSIUM, "3.2", "mmol/L").build();

    @Test
    void builtInTable_holdsEveryLabDecisionValueOnce_andEachIsRead() {
        List<Threshold> thresholds = Engines.builtIn().ruleBase().thresholds();
        assertThat(thresholds).extracting(Threshold::id).doesNotHaveDuplicates()
                .contains("K_LOW", "NA_MODERATE_LOW", "CK_ULN_DEFAULT", "CK_5X", "TSH_ULN_DEFAULT", "HB_ANAEMIA_NOT_FEMALE");
        assertThat(thresholds).hasSize(32);
        // Unused rows fail the build (LCC-R027), so building the built-in rules proves each row is read.
        assertThat(RuleBase.validate(RuleSource.builtIn())).isEmpty();
    }

    @Test
    void noDrlFileWritesALabNumberOfItsOwn() {
        // The lab rules compare through thresholds.met; a BigDecimal literal beside a lab would be a second copy.
        RuleSource.builtIn().files().forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                assertThat(text).as(name).doesNotContainPattern("NormalisedLab\\([^)]*value\\s*[<>]=?\\s*[0-9]");
            }
        });
    }

    @Test
    void editedValue_changesTheOutcome_theCriterionText_andTheVersion() {
        CrampAssessor builtIn = Engines.builtIn();
        CrampAssessor edited = CrampAssessor.on(RuleBase.build(withTable(
                t -> t.replace("K_LOW,POTASSIUM,<,3.5,", "K_LOW,POTASSIUM,<,3.0,"))));

        assertThat(builtIn.assess(POTASSIUM_3_2).codes()).contains("CAUSE_HYPOKALAEMIA");
        assertThat(edited.assess(POTASSIUM_3_2).codes()).doesNotContain("CAUSE_HYPOKALAEMIA");
        assertThat(edited.rulesetVersion()).isNotEqualTo(builtIn.rulesetVersion());

        Assessment low = edited.assess(quietPatient().lab(LabTest.POTASSIUM, "2.9", "mmol/L").build());
        assertThat(low.finding("CAUSE_HYPOKALAEMIA").orElseThrow().evidence()).extracting(Evidence::criterion).contains("< 3.0");
    }

    @Test
    void bandCriterion_isWrittenFromBothRows() {
        Assessment critical = Engines.builtIn().assess(quietPatient().lab(LabTest.POTASSIUM, "2.7", "mmol/L").build());
        assertThat(critical.finding("RF_CRITICAL_LAB_VALUE").orElseThrow().evidence()).extracting(Evidence::criterion)
                .contains(">= 2.5 and < 3.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong header           | id,test,comparison,value,unit,meaning | id,test,op,value,unit,meaning | 1 | LCC-R024",
        "too few columns        | K_SEVERE_LOW,POTASSIUM,<,2.5,mmol/L,severe hypokalaemia | K_SEVERE_LOW,POTASSIUM,<,2.5 | 3 | LCC-R024",
        "unknown test           | K_SEVERE_LOW,POTASSIUM, | K_SEVERE_LOW,POTASIUM, | 3 | LCC-R025",
        "bad comparison         | K_SEVERE_LOW,POTASSIUM,<, | K_SEVERE_LOW,POTASSIUM,=<, | 3 | LCC-R025",
        "not a number           | K_SEVERE_LOW,POTASSIUM,<,2.5, | K_SEVERE_LOW,POTASSIUM,<,2,5, | 3 | LCC-R024",
        "decimal comma quoted   | K_SEVERE_LOW,POTASSIUM,<,2.5, | K_SEVERE_LOW,POTASSIUM,<,\"2,5\", | 3 | LCC-R025",
        "wrong unit             | K_SEVERE_LOW,POTASSIUM,<,2.5,mmol/L | K_SEVERE_LOW,POTASSIUM,<,2.5,mEq/L | 3 | LCC-R025",
        "implausible value      | K_SEVERE_LOW,POTASSIUM,<,2.5, | K_SEVERE_LOW,POTASSIUM,<,25, | 3 | LCC-R025",
        "default on a plain lab | K_SEVERE_LOW,POTASSIUM,<, | K_SEVERE_LOW,POTASSIUM,=, | 3 | LCC-R025",
        "multiple without ULN   | K_SEVERE_LOW,POTASSIUM,<,2.5,mmol/L | K_SEVERE_LOW,POTASSIUM,<,2.5,x ULN | 3 | LCC-R025",
        "duplicate id           | K_SEVERE_LOW,POTASSIUM,<,2.5 | K_LOW,POTASSIUM,<,2.5 | 3 | LCC-R025",
        "unused row             | K_SEVERE_LOW,POTASSIUM,<,2.5 | K_UNUSED,POTASSIUM,<,2.5 | 3 | LCC-R027",
    })
    void malformedTable_isRejectedAtItsLine(String name, String find, String replace, int line, String code) {
        List<RuleProblem> problems = RuleBase.validate(withTable(t -> {
            assertThat(t).contains(find);
            return t.replace(find, replace);
        }));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("thresholds.csv");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.diagnostic().code()).isEqualTo(code);
        });
        assertThat(problems.toString()).contains("thresholds.csv:" + line + ": " + code);
    }

    @Test
    void aRuleReadingAnUndefinedThreshold_isRejectedAtTheRead() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String drl = files.get("10-derive.drl");
        files.put("10-derive.drl", drl.replace("thresholds.met( \"K_LOW\", test, value )", "thresholds.met( \"K_LOWW\", test, value )"));
        List<RuleProblem> problems = RuleBase.validate(RuleSource.ofFiles(files));
        int line = lineOf(files.get("10-derive.drl"), "\"K_LOWW\"");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("10-derive.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.UNKNOWN_THRESHOLD);
        });
    }

    @Test
    void missingTable_isRejected() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        files.remove("thresholds.csv");
        assertThat(RuleBase.validate(RuleSource.ofFiles(files)))
                .anySatisfy(p -> assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.THRESHOLD_TABLE_MALFORMED));
    }

    static RuleSource withTable(UnaryOperator<String> edit) {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        files.put("thresholds.csv", edit.apply(files.get("thresholds.csv")));
        return RuleSource.ofFiles(files);
    }

    private static int lineOf(String text, String needle) {
        return 1 + (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
    }
}
