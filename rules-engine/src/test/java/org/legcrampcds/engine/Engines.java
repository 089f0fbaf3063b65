package org.legcrampcds.engine;

/** One built-in assessor per test JVM: the rule base is compiled once, as in production. */
public final class Engines {

    private static final CrampAssessor BUILT_IN = CrampAssessor.builder().build();

    private Engines() {
    }

    public static CrampAssessor builtIn() {
        return BUILT_IN;
    }
}
