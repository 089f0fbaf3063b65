package org.legcrampcds.engine;

import java.util.List;
import java.util.function.Supplier;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import org.legcrampcds.rules.Thresholds;

/**
 * Runs each call in a stateful session of its own, taken from {@code sessions} and disposed after
 * the call. The {@link ExecutionStrategy.Kind}s differ only in where the sessions come from.
 */
final class SessionExecution implements ExecutionStrategy {

    private final Supplier<KieSession> sessions;
    private final RuleCatalog catalog;
    /** The thresholds global, or {@code null} when the DRL does not declare it: a session rejects an undeclared global. */
    private final Thresholds thresholds;

    SessionExecution(RuleBase ruleBase, Supplier<KieSession> sessions) {
        this.sessions = sessions;
        this.catalog = ruleBase.catalog();
        boolean declared = ruleBase.kieBase().getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(Thresholds.GLOBAL)));
        this.thresholds = declared ? ruleBase.thresholdTable() : null;
    }

    @Override
    public List<Firing> fire(CaseFacts facts, List<String> groups) {
        KieSession session = sessions.get();
        FiringRecorder recorder = new FiringRecorder(session, catalog);
        session.addEventListener(recorder);
        try {
            if (thresholds != null) {
                session.setGlobal(Thresholds.GLOBAL, thresholds);
            }
            insert(session, facts);
            Agenda agenda = session.getAgenda();
            // Focus is a stack: push the last group first so that the first one runs first.
            for (int i = groups.size() - 1; i >= 0; i--) {
                agenda.getAgendaGroup(groups.get(i)).setFocus();
            }
            session.fireAllRules();
            return recorder.firings();
        } finally {
            // Removed first, so that a pooled session never carries this call's recorder into the next.
            session.removeEventListener(recorder);
            session.dispose();
        }
    }

    private static void insert(KieSession session, CaseFacts c) {
        session.insert(c.patient());
        session.insert(c.cramps());
        session.insert(c.history());
        c.symptoms().forEach(session::insert);
        c.conditions().forEach(session::insert);
        c.medications().forEach(session::insert);
        c.labs().forEach(session::insert);
    }
}
