package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The source register cites (interfaces.md §8, 2.3; issue 18): every source a finding names has a
 * title a reader can find, the seed articles by their own titles rather than their file names, and
 * a link only where it is an http(s) URL. A register of an older rule directory is still read.
 */
class SourceRegisterTest {

    private static SourceRegister.Register read(String csv, List<RuleProblem> problems) {
        return SourceRegister.read(List.of(new RuleFile(RuleFile.SOURCES, csv)), problems);
    }

    @Test
    void theBuiltInRegister_citesEverySeedByItsTitle_andEverySourceWithATitle() {
        List<RuleProblem> problems = new ArrayList<>();
        SourceRegister.Register register = read(RuleSource.builtIn().ruleFiles().stream()
                .filter(f -> f.name().equals(RuleFile.SOURCES)).findFirst().orElseThrow().content(), problems);

        assertThat(problems).isEmpty();
        assertThat(register.citations()).isNotEmpty();
        register.citations().values().forEach(c -> assertThat(c.title()).as(c.id()).isNotBlank().doesNotEndWith(".txt"));
        // The seeds' first lines (the seed articles beside the specification), checked by hand when the register was written.
        assertThat(register.citation("000_05c727d25c997c96.txt").title()).isEqualTo("What Are the Causes of Night Leg Cramps?");
        assertThat(register.citation("002_3b85a99202bd1e17.txt").text()).isEqualTo("What Causes Leg Cramps at Night? medpill.info, 2025.");
        assertThat(register.citation("NG158").url()).isEqualTo("https://www.nice.org.uk/guidance/ng158");
        assertThat(register.citation("NG24").text()).isEqualTo("Blood transfusion (NG24). NICE, 2015.");
    }

    @Test
    void everySourceTheBuiltInRulesCite_isInTheRegister() {
        RuleBase rules = RuleBase.builtIn();
        List<String> cited = rules.citations().stream().map(Citation::id).toList();
        assertThat(cited).contains("CKS", "004_28b1a48e951987a6.txt");
        assertThat(rules.citation("CKS").title()).isEqualTo("Leg cramps (Clinical Knowledge Summaries)");
        assertThat(rules.citation("not-registered")).isEqualTo(Citation.ofId("not-registered"));
    }

    @Test
    void anOlderRegister_isRead_withItsDescriptionAsTheTitle() {
        List<RuleProblem> problems = new ArrayList<>();
        SourceRegister.Register register = read("id,kind,description\nCKS,register,\"NICE CKS Leg cramps\"\n", problems);

        assertThat(problems).isEmpty();
        assertThat(register.citation("CKS")).isEqualTo(new Citation("CKS", "NICE CKS Leg cramps", null, null, null));
    }

    @Test
    void aRowWithoutTitle_aYearThatIsNone_orALinkThatIsNotHttp_isAProblem() {
        List<RuleProblem> problems = new ArrayList<>();
        read("id,kind,title,publisher,year,url,description\n"
                + "A,register,,NICE,2020,,x\n"
                + "B,register,Title B,NICE,twenty,,x\n"
                + "C,register,Title C,NICE,2020,file:///etc/passwd,x\n"
                + "D,register,Title D,,,https://example.org/d,x\n", problems);

        assertThat(problems).extracting(RuleProblem::line).containsExactly(2, 3, 4);
        assertThat(problems).allSatisfy(p -> assertThat(p.diagnostic()).isEqualTo(RuleDiagnostic.SOURCE_REGISTER_MALFORMED));
    }
}
