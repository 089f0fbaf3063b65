package org.legcrampcds.engine;

import java.util.List;

import org.kie.api.KieBase;

/**
 * How an assessor runs its rule groups over the facts of one case: the seam the benchmarks compare
 * ({@code docs/performance.md}). A strategy changes cost, never results; the example, conformance
 * and property tests run against each one that ships. Implementations are thread-safe.
 */
interface ExecutionStrategy {

    /** Runs {@code groups}, in order, over {@code facts} in a session no other call sees, and returns what fired. */
    List<Firing> fire(CaseFacts facts, List<String> groups);

    /** The strategies that ship; {@link #BEST} is the one an assessor uses unless a test asks for another. */
    enum Kind {
        /** A new stateful session per call, disposed after it: nothing is shared but the KieBase. The reference. */
        SESSION_PER_CALL,
        /**
         * Stateful sessions reused through Drools' session pool: {@code dispose()} resets a session
         * (facts, agenda, node memories) and returns it to the pool, which grows to the number of
         * concurrent callers and keeps them.
         */
        POOLED_SESSIONS;

        /** The fastest by measurement (docs/performance.md, "Execution strategies"). */
        static final Kind BEST = POOLED_SESSIONS;

        ExecutionStrategy on(RuleBase ruleBase) {
            KieBase kieBase = ruleBase.kieBase();
            return switch (this) {
                case SESSION_PER_CALL -> new SessionExecution(ruleBase, kieBase::newKieSession);
                // The pool grows on demand; two covers this machine's cores before it has to.
                case POOLED_SESSIONS -> new SessionExecution(ruleBase, kieBase.newKieSessionsPool(2)::newKieSession);
            };
        }
    }
}
