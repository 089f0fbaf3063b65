package org.legcrampcds.engine;

import java.util.List;
import java.util.Locale;

import org.legcrampcds.model.PatientCase;

/**
 * The benchmarks' way in to the engine's package-private execution strategies: it lives in the
 * engine's package in this module only, so that the library's public API does not grow a
 * performance knob. Not part of any shipped jar but the benchmarks'.
 */
public final class BenchmarkAssessors {

    private BenchmarkAssessors() {
    }

    /**
     * An assessor on the built-in rules.
     *
     * @param rules     {@code precompiled} (the executable model the build made) or {@code run-time}
     *                  (the same DRL compiled now, as a rules directory is)
     * @param execution the name of an execution strategy, for example {@code POOLED_SESSIONS}
     */
    public static CrampAssessor builtIn(String rules, String execution) {
        RuleBase ruleBase = switch (rules) {
            case "precompiled" -> RuleBase.builtIn();
            case "run-time" -> RuleBase.build(RuleSource.ofFiles(RuleSource.builtIn().files()));
            default -> throw new IllegalArgumentException("rules is precompiled or run-time, not " + rules);
        };
        return CrampAssessor.on(ruleBase, ExecutionStrategy.Kind.valueOf(execution.toUpperCase(Locale.ROOT)));
    }

    /** The strategy the library uses by default, by name. */
    public static String bestExecution() {
        return ExecutionStrategy.Kind.BEST.name();
    }

    /** Rule evaluation alone: the rule groups a complete record runs, without the explanation the assessor builds from them. */
    public static List<?> fireRules(CrampAssessor assessor, PatientCase patientCase) {
        return assessor.execution().fire(CaseFacts.of(patientCase), RuleGroups.toAssess(patientCase));
    }
}
