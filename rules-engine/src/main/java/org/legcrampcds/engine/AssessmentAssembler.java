package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Urgency;

/**
 * Turns the firings of one session into an explained {@link Assessment} (catalogue §4 steps 9-10):
 * one finding per fired code with the union of its evidence; SAFETY interlocks withhold the codes
 * their rules declare in {@code @suppresses} and change texts as their {@code @amends} say; the
 * result is ordered by urgency, then code. Urgency is never touched.
 */
final class AssessmentAssembler {

    private final RuleCatalog catalog;
    private final String rulesetVersion;

    AssessmentAssembler(RuleCatalog catalog, String rulesetVersion) {
        this.catalog = catalog;
        this.rulesetVersion = rulesetVersion;
    }

    /**
     * @param caseId       the case id, or null
     * @param firings      every firing of the session, in firing order
     * @param partial      what the record does not say: completeness, the questions to ask, the labs set aside
     */
    Assessment assemble(String caseId, List<Firing> firings, PartialRecord partial) {
        SortedSet<String> firedRules = new TreeSet<>();
        Map<String, Draft> drafts = new TreeMap<>();
        for (Firing firing : firings) {
            firedRules.add(firing.rule().id());
            if (firing.rule().emitsFinding()) {
                drafts.computeIfAbsent(firing.rule().code(), code -> new Draft(firing.rule())).add(firing);
            }
        }
        Map<String, SortedSet<String>> suppressedBy = suppress(drafts);
        modify(drafts, suppressedBy.keySet());

        List<Finding> findings = drafts.values().stream()
                .filter(d -> !suppressedBy.containsKey(d.code))
                .map(this::finding)
                .sorted(Comparator.comparing(Finding::urgency).thenComparing(Finding::code))
                .toList();
        Urgency highest = findings.stream().map(Finding::urgency).reduce(Urgency.INFO, Urgency::max);
        List<Suppression> suppressed = suppressedBy.entrySet().stream()
                .map(e -> new Suppression(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Assessment(caseId, rulesetVersion, highest, findings, suppressed, List.copyOf(firedRules),
                partial.recordComplete(), partial.dataRequired(), partial.staleLabs());
    }

    /** Which fired codes each interlock withholds; only codes whose own trigger was met (§2.8 item 10). */
    private static Map<String, SortedSet<String>> suppress(Map<String, Draft> drafts) {
        Map<String, SortedSet<String>> suppressedBy = new TreeMap<>();
        for (Draft interlock : drafts.values()) {
            for (String target : interlock.suppressTargets) {
                for (Draft candidate : drafts.values()) {
                    if (candidate.code.equals(target) || candidate.category.name().equals(target)) {
                        suppressedBy.computeIfAbsent(candidate.code, c -> new TreeSet<>()).add(interlock.code);
                        interlock.suppresses.add(candidate.code);
                    }
                }
            }
        }
        return suppressedBy;
    }

    private static void modify(Map<String, Draft> drafts, Set<String> suppressed) {
        for (Draft interlock : drafts.values()) {
            for (Applied applied : interlock.modifications) {
                Draft target = drafts.get(applied.modification().target());
                if (target != null && !suppressed.contains(target.code)) {
                    target.apply(applied, interlock.code);
                }
            }
        }
    }

    private Finding finding(Draft draft) {
        FindingTexts texts = catalog.texts();
        String title = texts.get(draft.code + ".title").orElseThrow();
        return new Finding(draft.code, draft.category, draft.urgency, title, draft.action(texts),
                List.copyOf(draft.evidence), List.copyOf(draft.sources), draft.firstRuleId(),
                List.copyOf(draft.suppresses), List.copyOf(draft.modifiedBy));
    }

    /** A modification with the rule that declares it. */
    private record Applied(RuleMeta rule, Modification modification) {
    }

    /** A finding being put together from the firings of its rules. */
    private static final class Draft {
        final String code;
        final Category category;
        final Urgency urgency;
        final SortedSet<RuleMeta> rules = new TreeSet<>(RuleMeta.DECLARATION_ORDER);
        final Set<Evidence> evidence = new LinkedHashSet<>();
        final Set<String> sources = new LinkedHashSet<>();
        final Map<RuleMeta, String> actionKeyByRule = new TreeMap<>(RuleMeta.DECLARATION_ORDER);
        final Set<String> suppressTargets = new LinkedHashSet<>();
        final List<Applied> modifications = new ArrayList<>();
        final SortedSet<String> suppresses = new TreeSet<>();
        final SortedSet<String> modifiedBy = new TreeSet<>();
        final Set<String> droppedClauses = new TreeSet<>();
        final Map<RuleMeta, Map<String, String>> appendsByRule = new TreeMap<>(RuleMeta.DECLARATION_ORDER);
        String replacementKey;

        Draft(RuleMeta first) {
            this.code = first.code();
            this.category = first.category();
            this.urgency = first.urgency();
        }

        void add(Firing firing) {
            RuleMeta rule = firing.rule();
            evidence.addAll(firing.evidence());
            if (rules.add(rule)) {
                sources.addAll(rule.sources());
                String key = rule.actionVariant() == null ? code + ".action" : code + ".action." + rule.actionVariant();
                actionKeyByRule.put(rule, key);
                suppressTargets.addAll(rule.suppresses());
                rule.modifications().forEach(m -> modifications.add(new Applied(rule, m)));
            }
        }

        void apply(Applied applied, String byCode) {
            Modification modification = applied.modification();
            modifiedBy.add(byCode);
            switch (modification.operation()) {
                case DROP -> droppedClauses.add(modification.variant());
                case APPEND -> appendsByRule.computeIfAbsent(applied.rule(), r -> new TreeMap<>())
                        .put(modification.variant(), modification.textKey());
                case REPLACE -> replacementKey = modification.textKey();
            }
        }

        /** The first of its rules as written, so that the id does not depend on firing order. */
        String firstRuleId() {
            return rules.first().id();
        }

        /** The action: the rules' own texts (or an interlock's replacement), clauses dropped, sentences appended. */
        String action(FindingTexts texts) {
            StringBuilder action = new StringBuilder();
            if (replacementKey != null) {
                action.append(texts.render(replacementKey, droppedClauses));
            } else {
                actionKeyByRule.values().stream().distinct()
                        .forEach(key -> append(action, texts.render(key, droppedClauses)));
            }
            appendsByRule.values().forEach(byVariant -> byVariant.values()
                    .forEach(key -> append(action, texts.render(key, Set.of()))));
            return action.toString();
        }

        private static void append(StringBuilder text, String sentence) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentence);
        }
    }
}
