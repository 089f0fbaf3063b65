package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code validate}: every problem at the line of the mistake, with its code. Each test makes one
 * mistake in a copy of the built-in rules and finds it reported where it was made.
 */
@Tag("slow") // builds many rule bases: among the longest of the module (skipped by -Dquick)
class RuleLintTest {

    @Test
    void builtInRules_haveNoProblem() {
        assertThat(RuleBase.validate(RuleSource.builtIn())).isEmpty();
    }

    @Test
    void misspeltEnd_isReportedWhereItIs_notAtTheNextRule() {
        Edit edit = edit("30-causes.drl", "rule \"CAUSE-FLAT-01", 0, text -> text);
        int ruleLine = edit.line();
        String drl = edit.files().get("30-causes.drl");
        // The 'end' of the rule before CAUSE-FLAT-01 is the last 'end' above its declaration.
        int endOffset = drl.lastIndexOf("\nend", drl.indexOf("rule \"CAUSE-FLAT-01"));
        int endLine = lineAt(drl, endOffset + 1);
        Map<String, String> files = new LinkedHashMap<>(edit.files());
        files.put("30-causes.drl", drl.substring(0, endOffset + 1) + "ende" + drl.substring(endOffset + 4));

        List<RuleProblem> problems = RuleBase.validate(RuleSource.ofFiles(files));

        assertThat(problems).anySatisfy(p -> assertProblem(p, "30-causes.drl", endLine, RuleDiagnostic.RULE_NOT_CLOSED));
        assertThat(problems).noneSatisfy(p -> assertThat(p.line()).isGreaterThan(ruleLine));
    }

    @Test
    void twoSyntaxErrorsInOneFile_areBothReported() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String drl = files.get("30-causes.drl");
        drl = drl.replaceFirst("(?m)^when$", "whenn");
        int first = lineAt(drl, drl.indexOf("whenn"));
        int second = lineAt(drl, drl.lastIndexOf("\nwhen\n") + 1);
        drl = drl.substring(0, drl.lastIndexOf("\nwhen\n") + 1) + "whem\n" + drl.substring(drl.lastIndexOf("\nwhen\n") + 6);
        files.put("30-causes.drl", drl);

        List<RuleProblem> problems = RuleBase.validate(RuleSource.ofFiles(files));

        assertThat(problems).filteredOn(p -> p.file().equals("30-causes.drl")).extracting(RuleProblem::line)
                .contains(first, second);
    }

    @Test
    void stateNoRuleWrites_isReadButNeverWritten() {
        // DRV-MG-LOW writes another state, so CAUSE-MG-01's pattern on MG_LOW can never match.
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        files.put("10-derive.drl", files.get("10-derive.drl").replace("Indicator.lab( State.MG_LOW,", "Indicator.lab( State.MG_SEVERE_LOW,"));
        Edit edit = edit("30-causes.drl", "Indicator( state == State.MG_LOW )", 0, text -> text, files);
        assertThat(RuleBase.validate(RuleSource.ofFiles(files)))
                .anySatisfy(p -> assertProblem(p, "30-causes.drl", edit.line(), RuleDiagnostic.STATE_NEVER_WRITTEN));
    }

    @Test
    void stateNoRuleReads_isWrittenButNeverRead() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String causes = files.get("30-causes.drl");
        files.put("30-causes.drl", causes.replace("state in ( State.SMOKER, State.ALCOHOL_OVER_14 )", "state == State.ALCOHOL_OVER_14"));
        assertThat(files.get("30-causes.drl")).as("the edit this test makes").isNotEqualTo(causes);
        int line = lineAt(files.get("10-derive.drl"), files.get("10-derive.drl").indexOf("insert( Indicator.of( State.SMOKER"));
        assertThat(RuleBase.validate(RuleSource.ofFiles(files)))
                .anySatisfy(p -> assertProblem(p, "10-derive.drl", line, RuleDiagnostic.STATE_NEVER_READ));
    }

    @Test
    void misspeltStateInAPattern_failsCompilation_andIsNamedAtItsLine() {
        Edit edit = edit("30-causes.drl", "Indicator( state == State.MG_LOW )", 0,
                text -> text.replace("Indicator( state == State.MG_LOW )", "Indicator( state == State.MG_LO )"));
        // Drools itself rejects it: the typed state is not only a lint.
        List<RuleProblem> compileErrors = new ArrayList<>();
        assertThat(RuleBaseCompiler.compile(RuleSource.ofFiles(edit.files()).ruleFiles(), compileErrors)).isNull();
        assertThat(compileErrors).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("30-causes.drl");
            assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.DRL_COMPILE_ERROR);
        });
        // validate and build name it once, at its line, with what to write instead.
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertProblem(p, "30-causes.drl", edit.line(), RuleDiagnostic.UNKNOWN_STATE);
            assertThat(p.message()).contains("State.MG_LO ").contains("did you mean MG_LOW?");
        });
        assertThatThrownBy(() -> RuleBase.build(RuleSource.ofFiles(edit.files())))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("30-causes.drl:" + edit.line() + ": " + RuleDiagnostic.UNKNOWN_STATE.code());
    }

    @Test
    void misspeltStateInAConsequence_failsCompilation_andIsNamedAtItsLine() {
        Edit edit = edit("10-derive.drl", "insert( Indicator.of( State.SMOKER", 0,
                text -> text.replace("insert( Indicator.of( State.SMOKER", "insert( Indicator.of( State.SMOKES"));
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertProblem(p, "10-derive.drl", edit.line(), RuleDiagnostic.UNKNOWN_STATE);
            assertThat(p.message()).contains("did you mean SMOKER?");
        });
    }

    @Test
    void indicatorReadByAQuotedName_asInAnOlderExport_isReportedWithTheTypedForm() {
        Edit edit = edit("30-causes.drl", "Indicator( state == State.MG_LOW )", 0,
                text -> text.replace("Indicator( state == State.MG_LOW )", "Indicator( name == \"MG_LOW\" )"));
        assertThat(edit.problems()).anySatisfy(p -> {
            assertProblem(p, "30-causes.drl", edit.line(), RuleDiagnostic.UNKNOWN_STATE);
            assertThat(p.message()).contains("Indicator( state == State.MG_LOW )");
        });
    }

    @Test
    void codeOutsideTheCatalogue_isReportedAtItsRule() {
        Edit edit = edit("30-causes.drl", "rule \"CAUSE-FLAT-01", 0,
                text -> text.replace("@code(\"CAUSE_FLAT_FEET\")", "@code(\"CAUSE_FLAT_FOOT\")"));
        assertThat(edit.problems()).anySatisfy(p -> assertProblem(p, "30-causes.drl", edit.line(), RuleDiagnostic.CODE_NOT_IN_CATALOGUE));
    }

    @Test
    void sourceOutsideTheRegister_isReportedAtItsRule() {
        Edit edit = edit("20-red-flags.drl", "rule \"RF-DVT-01", 0,
                text -> text.replace("@source(\"NG158; TRAVEL;", "@source(\"NG159; TRAVEL;"));
        assertThat(edit.problems()).anySatisfy(p -> {
            assertProblem(p, "20-red-flags.drl", edit.line(), RuleDiagnostic.UNKNOWN_SOURCE);
            assertThat(p.message()).contains("NG159");
        });
    }

    @Test
    void missingSource_isReported() {
        Edit edit = edit("20-red-flags.drl", "rule \"RF-DVT-01", 0,
                text -> text.replace("@source(\"NG158; TRAVEL; RCOG; CKS; 004_28b1a48e951987a6.txt; 001_1d3ed233e3992de8.txt\") ", ""));
        assertThat(edit.problems()).anySatisfy(p -> assertProblem(p, "20-red-flags.drl", edit.line(), RuleDiagnostic.MISSING_SOURCE));
    }

    @Test
    void findingRuleWithCodeInItsConsequence_isReported() {
        Map<String, String> files = new LinkedHashMap<>(RuleSource.builtIn().files());
        String drl = files.get("20-red-flags.drl");
        int at = drl.indexOf("then\nend", drl.indexOf("rule \"RF-ALI-01"));
        drl = drl.substring(0, at) + "then\n    System.out.println( \"ischaemia\" );\nend" + drl.substring(at + "then\nend".length());
        files.put("20-red-flags.drl", drl);
        int printLine = lineAt(drl, at) + 1;
        assertThat(RuleBase.validate(RuleSource.ofFiles(files))).anySatisfy(p ->
                assertProblem(p, "20-red-flags.drl", printLine, RuleDiagnostic.FINDING_RULE_HAS_CONSEQUENCE));
    }

    @Test
    void ruleOnNoKnownFact_isReported() {
        Edit edit = edit("30-causes.drl", "rule \"CAUSE-FLAT-01", 0,
                text -> text.replace("Condition( this == Condition.FLAT_FEET )", "String( this == \"FLAT_FEET\" )"));
        assertThat(edit.problems()).anySatisfy(p -> assertProblem(p, "30-causes.drl", edit.line(), RuleDiagnostic.NO_KNOWN_FACT_TYPE));
    }

    @Test
    void duplicateId_isReported() {
        Edit edit = edit("30-causes.drl", "rule \"CAUSE-FLAT-01", 0,
                text -> text.replace("@id(\"CAUSE-FLAT-01\")", "@id(\"CAUSE-AGE-01\")"));
        assertThat(edit.problems()).anySatisfy(p -> assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.DUPLICATE_ID));
    }

    private static void assertProblem(RuleProblem p, String file, int line, RuleDiagnostic diagnostic) {
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.line()).isEqualTo(line);
        assertThat(p.diagnostic()).isEqualTo(diagnostic);
    }

    /** The built-in files with one edit of {@code file}, the problems they have, and the line of {@code marker} after the edit. */
    private static Edit edit(String file, String marker, int unused, UnaryOperator<String> change) {
        return edit(file, marker, unused, change, new LinkedHashMap<>(RuleSource.builtIn().files()));
    }

    private static Edit edit(String file, String marker, int unused, UnaryOperator<String> change, Map<String, String> files) {
        String original = files.get(file);
        String edited = change.apply(original);
        files.put(file, edited);
        int markerAt = original.indexOf(marker);
        assertThat(markerAt).as("marker " + marker).isNotNegative();
        int line = lineAt(original, markerAt);
        List<RuleProblem> problems = original.equals(edited) ? List.of() : RuleBase.validate(RuleSource.ofFiles(files));
        return new Edit(files, line, problems);
    }

    private record Edit(Map<String, String> files, int line, List<RuleProblem> problems) {
    }

    private static int lineAt(String text, int offset) {
        return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }
}
