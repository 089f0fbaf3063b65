package org.legcrampcds.engine;

import java.util.List;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;
import org.legcrampcds.rules.Thresholds;

/**
 * One run of rule groups in a session a strategy provides: the part every {@link ExecutionStrategy}
 * shares, so that strategies differ only in where their sessions come from.
 */
final class SessionRun {

    private final RuleCatalog catalog;
    /** The thresholds global, or {@code null} when the DRL does not declare it: a session rejects an undeclared global. */
    private final Thresholds thresholds;

    SessionRun(RuleBase ruleBase) {
        this.catalog = ruleBase.catalog();
        boolean declared = ruleBase.kieBase().getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(Thresholds.GLOBAL)));
        this.thresholds = declared ? ruleBase.thresholdTable() : null;
    }

    /** Inserts the facts, runs the groups in order and returns the firings; leaves no listener behind. */
    List<Firing> fire(KieSession session, CaseFacts facts, List<String> groups) {
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
            session.removeEventListener(recorder);
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
