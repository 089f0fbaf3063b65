package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.rules.FactEvidence;
import org.legcrampcds.rules.FindingFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every rule firing of one session with the facts it matched, and makes each fired
 * finding visible to later rule groups as a {@link FindingFact} (built from the rule's metadata,
 * so no rule repeats its own code in its consequence). One instance per session.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(FiringRecorder.class);

    private final KieSession session;
    private final RuleCatalog catalog;
    private final List<Firing> firings = new ArrayList<>();

    FiringRecorder(KieSession session, RuleCatalog catalog) {
        this.session = session;
        this.catalog = catalog;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        RuleMeta rule = catalog.rule(match.getRule().getName());
        Set<Evidence> evidence = new LinkedHashSet<>();
        for (Object fact : match.getObjects()) {
            evidence.addAll(FactEvidence.of(fact));
        }
        firings.add(new Firing(rule, List.copyOf(evidence)));
        // Patient data stays at DEBUG and below.
        if (LOG.isDebugEnabled()) {
            LOG.debug("fired {} with {}", rule.id(), evidence);
        }
        if (rule.emitsFinding()) {
            session.insert(new FindingFact(rule.code(), rule.category(), rule.urgency()));
        }
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }
}
