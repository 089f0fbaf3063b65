package org.legcrampcds.engine;

import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Stateful sessions reused through Drools' {@link KieSessionsPool}: {@code dispose()} resets a
 * session (facts, agenda, node memories) and returns it to the pool, which grows to the number of
 * concurrent callers and keeps them. A new session costs about as much as the rules it then runs
 * (docs/performance.md), and a reset one skips building its node memories again.
 */
final class PooledSessions implements ExecutionStrategy {

    private final KieSessionsPool pool;
    private final SessionRun run;

    PooledSessions(KieBase kieBase, SessionRun run) {
        // The pool grows on demand; two covers this machine's cores before it has to.
        this.pool = kieBase.newKieSessionsPool(2);
        this.run = run;
    }

    @Override
    public List<Firing> fire(CaseFacts facts, List<String> groups) {
        KieSession session = pool.newKieSession();
        try {
            return run.fire(session, facts, groups);
        } finally {
            session.dispose();
        }
    }
}
