package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.List;

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
        List<Evidence> evidence = evidence(match.getObjects());
        firings.add(new Firing(rule, evidence));
        // Patient data stays at DEBUG and below.
        if (LOG.isDebugEnabled()) {
            LOG.debug("fired {} with {}", rule.id(), evidence);
        }
        if (rule.emitsFinding()) {
            session.insert(new FindingFact(rule.code(), rule.category(), rule.urgency()));
        }
    }

    /**
     * The evidence of the matched facts, de-duplicated, in match order (the first of equal items
     * kept). A match carries a handful of items, so a list's {@code contains} does what a
     * {@code LinkedHashSet} did without its entries, and a match that explains nothing (most
     * derive rules') allocates nothing at all.
     */
    static List<Evidence> evidence(List<?> facts) {
        List<Evidence> first = null;
        List<Evidence> all = null;
        for (Object fact : facts) {
            List<Evidence> of = FactEvidence.of(fact);
            if (of.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = of;
                continue;
            }
            if (all == null) {
                all = new ArrayList<>(first.size() + of.size());
                addDistinct(all, first);
            }
            addDistinct(all, of);
        }
        if (all != null) {
            return List.copyOf(all);
        }
        if (first == null) {
            return List.of();
        }
        if (first.size() == 1) {
            return List.copyOf(first);
        }
        List<Evidence> distinct = new ArrayList<>(first.size());
        addDistinct(distinct, first);
        return List.copyOf(distinct);
    }

    private static void addDistinct(List<Evidence> into, List<Evidence> items) {
        for (Evidence e : items) {
            if (!into.contains(e)) {
                into.add(e);
            }
        }
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }
}
