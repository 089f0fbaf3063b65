package org.legcrampcds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.legcrampcds.model.PatientCase;

/**
 * The two ways the engine gets its rules give the same results: the executable model precompiled by
 * the build (the built-in rules) and the DRL compiled at run time (any rule directory, here a copy of
 * the built-in files).
 */
class PrecompiledRulesTest {

    @Test
    void theLibraryJarCarriesTheExecutableModel() {
        assertThat(PrecompiledRules.load()).as("KIE base " + PrecompiledRules.KIE_BASE + " of META-INF/kmodule.xml").isNotNull();
    }

    @Test
    void precompiledAndRunTimeCompiledRules_giveEqualResults() {
        CrampAssessor precompiled = Engines.builtIn();
        CrampAssessor compiledNow = CrampAssessor.on(RuleBase.build(RuleSource.ofFiles(RuleSource.builtIn().files())));
        assertThat(compiledNow.rulesetVersion()).isEqualTo(precompiled.rulesetVersion());
        assertThat(compiledNow.rules()).isEqualTo(precompiled.rules());
        List<PatientCase> cases = RandomPatients.patients().sampleStream().limit(1_000).toList();
        for (PatientCase c : cases) {
            assertThat(precompiled.assess(c)).isEqualTo(compiledNow.assess(c));
        }
    }
}
