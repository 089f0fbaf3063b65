package org.legcrampcds.conformance.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.legcrampcds.engine.CatalogueCodes;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.Engines;
import org.legcrampcds.engine.RuleInfo;
import org.legcrampcds.model.Assessment;

/**
 * The rule-coverage gate, computed from the engine's own firing records over the example cases
 * (never from a hand-kept list): every finding code of the rule base must fire in some case and
 * stay silent in a declared near miss (the six self-care codes given to everyone: be withheld in
 * one), every rule must fire somewhere, and every finding rule must stay silent in a near miss; the
 * paths of catalogue v2.2 that are no single rule ({@link RulePath}: stale labs, self-care gating,
 * questions to ask) must each be taken in some case and narrowly missed in a declared near miss. A
 * rule that silently stops firing (Drools issue 7115) fails here.
 */
class CoverageGateTest {

    private static final Set<String> FIRED_CODES = new TreeSet<>();
    private static final Set<String> FIRED_RULES = new TreeSet<>();
    private static final Set<String> PROVEN_SILENT = new TreeSet<>();
    private static final Set<String> PROVEN_WITHHELD = new TreeSet<>();
    private static final Set<String> RULES_PROVEN_SILENT = new TreeSet<>();
    private static final List<String> FALSE_NEAR_MISSES = new java.util.ArrayList<>();
    private static final Set<RulePath> PATHS_TAKEN = java.util.EnumSet.noneOf(RulePath.class);
    private static final Set<RulePath> PATHS_MISSED_NARROWLY = java.util.EnumSet.noneOf(RulePath.class);

    private static CrampAssessor assessor;

    @BeforeAll
    static void assessEveryExampleCase() {
        assessor = Engines.builtIn();
        for (ExampleCase example : ExampleCase.all()) {
            Assessment result = assessor.assess(example.patientCase());
            FIRED_CODES.addAll(result.codes());
            FIRED_RULES.addAll(result.firedRules());
            for (String code : example.nearMissFor()) {
                if (result.codes().contains(code) || result.suppressedCodes().contains(code)) {
                    FALSE_NEAR_MISSES.add(example.name() + " fires " + code);
                } else {
                    PROVEN_SILENT.add(code);
                    for (RuleInfo rule : assessor.rules()) {
                        if (rule.code().filter(code::equals).isPresent() && !result.firedRules().contains(rule.id())) {
                            RULES_PROVEN_SILENT.add(rule.id());
                        }
                    }
                }
            }
            for (RulePath path : RulePath.values()) {
                if (path.happenedIn(example.patientCase(), result)) {
                    PATHS_TAKEN.add(path);
                }
            }
            for (String name : example.nearMissForPath()) {
                RulePath path = RulePath.valueOf(name);
                if (path.missedNarrowlyIn(example.patientCase(), result)) {
                    PATHS_MISSED_NARROWLY.add(path);
                } else {
                    FALSE_NEAR_MISSES.add(example.name() + " is no near miss for path " + name);
                }
            }
            for (String code : example.suppressedFor()) {
                if (result.suppressedCodes().contains(code) && !result.codes().contains(code)) {
                    PROVEN_WITHHELD.add(code);
                } else {
                    FALSE_NEAR_MISSES.add(example.name() + " does not withhold " + code);
                }
            }
        }
    }

    @Test
    void everyFindingCode_firesInSomeExampleCase() {
        assertThat(findingCodes()).as("codes that no example case fires").isSubsetOf(FIRED_CODES);
    }

    @Test
    void everyFindingCode_hasANearMissThatHolds() {
        assertThat(FALSE_NEAR_MISSES).as("near misses whose code fired after all").isEmpty();
        Set<String> lacking = new TreeSet<>(findingCodes());
        lacking.removeAll(PROVEN_SILENT);
        lacking.removeAll(PROVEN_WITHHELD);
        assertThat(lacking).as("codes without a near-miss case").isEmpty();
    }

    @Test
    void everyRule_firesInSomeExampleCase() {
        Set<String> rules = new TreeSet<>();
        assessor.rules().forEach(r -> rules.add(r.id()));
        rules.removeAll(FIRED_RULES);
        assertThat(rules).as("rules that no example case fires").isEmpty();
    }

    @Test
    void everyFindingRule_staysSilentInANearMissOfItsCode() {
        Set<String> lacking = new TreeSet<>();
        for (RuleInfo rule : assessor.rules()) {
            boolean withheldInstead = rule.code().filter(PROVEN_WITHHELD::contains).isPresent();
            if (rule.code().isPresent() && !withheldInstead && !RULES_PROVEN_SILENT.contains(rule.id())) {
                lacking.add(rule.id());
            }
        }
        assertThat(lacking).as("finding rules without a near miss").isEmpty();
    }

    @Test
    void theRuleBaseDeclaresExactlyTheCataloguesCodes() {
        assertThat(findingCodes()).containsExactlyInAnyOrderElementsOf(CatalogueCodes.all().keySet());
    }

    @Test
    void everyPathOfCatalogue22_isTakenInSomeExampleCase() {
        assertThat(PATHS_TAKEN).as("paths no example case takes").containsExactlyInAnyOrder(RulePath.values());
    }

    @Test
    void everyPathOfCatalogue22_hasANearMissThatHolds() {
        assertThat(FALSE_NEAR_MISSES).as("near misses that do not hold").isEmpty();
        assertThat(PATHS_MISSED_NARROWLY).as("paths with a near miss").containsExactlyInAnyOrder(RulePath.values());
    }

    private static Set<String> findingCodes() {
        Set<String> codes = new HashSet<>();
        for (RuleInfo rule : assessor.rules()) {
            rule.code().ifPresent(codes::add);
        }
        return codes;
    }
}
