package org.legcrampcds.engine;

import java.util.Locale;

/**
 * One built-in assessor per test JVM: the rule base is built once, as in production.
 *
 * <p>By default it is what {@link CrampAssessor#builder()} gives: the precompiled executable model
 * run by the best execution strategy. Two system properties make every test that uses it run the
 * other shipped paths instead; the build's second test execution sets them (see the poms):
 * <ul>
 *   <li>{@value #RULES} = {@code run-time}: the built-in files compiled at run time, as a rule
 *       directory ({@code --rules DIR}) always is;</li>
 *   <li>{@value #EXECUTION} = the name of an {@link ExecutionStrategy.Kind}.</li>
 * </ul>
 */
public final class Engines {

    static final String RULES = "legcrampcds.test.rules";
    static final String EXECUTION = "legcrampcds.test.execution";

    private static final CrampAssessor BUILT_IN = CrampAssessor.on(ruleBase(), execution());

    private Engines() {
    }

    public static CrampAssessor builtIn() {
        return BUILT_IN;
    }

    /** What this JVM's tests run, for their reports. */
    public static String describe() {
        return (BUILT_IN.ruleBase().precompiled() ? "precompiled executable model" : "DRL compiled at run time")
                + ", " + BUILT_IN.executionKind();
    }

    private static RuleBase ruleBase() {
        String rules = System.getProperty(RULES, "precompiled");
        return switch (rules) {
            case "precompiled" -> RuleBase.builtIn();
            case "run-time" -> RuleBase.build(RuleSource.ofFiles(RuleSource.builtIn().files()));
            default -> throw new IllegalArgumentException(RULES + " is precompiled or run-time, not " + rules);
        };
    }

    private static ExecutionStrategy.Kind execution() {
        String name = System.getProperty(EXECUTION);
        return name == null ? ExecutionStrategy.Kind.BEST : ExecutionStrategy.Kind.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
