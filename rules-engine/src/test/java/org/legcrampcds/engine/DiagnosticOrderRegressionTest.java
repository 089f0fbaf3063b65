package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review defect (release 2.2): the problems of a broken rule base were listed in an order that
 * depended on the run (Drools' package iteration and hash maps), so two builds of the same broken
 * directory printed different reports. They are now sorted by file, line, code and message.
 */
class DiagnosticOrderRegressionTest {

    @TempDir
    Path dir;

    @Test
    void theSameBrokenRuleBase_alwaysListsItsProblemsInTheSameOrder() throws IOException {
        for (RuleFile file : RuleFiles.builtIn()) {
            String content = file.content();
            if (file.name().equals("30-causes.drl")) {
                // Several problems of several kinds on several rules.
                content = content.replace("@source(\"HypoK; MERCK;", "@sourse(\"HypoK; MERCK;")
                        .replace("@id(\"CAUSE-FLAT-01\")", "@id(\"CAUSE-AGE-01\")")
                        .replace("@version(\"1\")\n    ruleflow-group \"cause\"\nwhen\n    Indicator( state == State.MG_LOW )",
                                "\n    ruleflow-group \"cause\"\nwhen\n    Indicator( state == State.MG_LOW )");
            }
            Files.writeString(dir.resolve(file.name()), content);
        }
        List<RuleProblem> first = problems();
        assertThat(first).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(problems()).isEqualTo(first);
        }
        assertThat(first).isSortedAccordingTo(RuleProblem.BY_LOCATION);
    }

    private List<RuleProblem> problems() {
        return catchThrowableOfType(RuleBaseException.class, () -> CrampAssessor.builder().rulesFrom(dir).build()).problems();
    }
}
