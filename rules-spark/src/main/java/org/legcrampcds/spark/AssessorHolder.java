package org.legcrampcds.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.legcrampcds.engine.CrampAssessor;

/**
 * One assessor per JVM and rule base. Building one compiles and checks every rule (seconds in a
 * fresh JVM); an assessor is thread-safe, so every task of an executor shares it, and the driver's
 * own (built first, to fail fast on rules that do not compile) is the one local mode uses.
 */
final class AssessorHolder {

    private static final Map<String, CrampAssessor> BUILT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> BUILDS = new ConcurrentHashMap<>();

    private AssessorHolder() {
    }

    /** The JVM's assessor for this rule base, built on first use; concurrent first callers wait for one build. */
    static CrampAssessor get(RuleSpec rules) {
        return BUILT.computeIfAbsent(rules.key(), key -> {
            BUILDS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return rules.build();
        });
    }

    /** How many times this JVM has built this rule base: once, whatever the number of tasks and patients. */
    static int builds(RuleSpec rules) {
        AtomicInteger builds = BUILDS.get(rules.key());
        return builds == null ? 0 : builds.get();
    }
}
