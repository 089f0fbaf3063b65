package org.legcrampcds.engine;

import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** A new stateful session for every call, disposed after it: nothing is shared between calls but the KieBase. */
final class SessionPerCall implements ExecutionStrategy {

    private final KieBase kieBase;
    private final SessionRun run;

    SessionPerCall(KieBase kieBase, SessionRun run) {
        this.kieBase = kieBase;
        this.run = run;
    }

    @Override
    public List<Firing> fire(CaseFacts facts, List<String> groups) {
        KieSession session = kieBase.newKieSession();
        try {
            return run.fire(session, facts, groups);
        } finally {
            session.dispose();
        }
    }
}
