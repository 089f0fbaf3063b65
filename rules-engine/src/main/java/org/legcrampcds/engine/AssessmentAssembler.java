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

import org.jspecify.annotations.Nullable;
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

    private static final Comparator<Finding> BY_URGENCY_THEN_CODE =
            Comparator.comparing(Finding::urgency).thenComparing(Finding::code);

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
                .sorted(BY_URGENCY_THEN_CODE)
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
                        interlock.suppresses().add(candidate.code);
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
                copy(draft.suppresses), copy(draft.modifiedBy));
    }

    private static List<String> copy(@Nullable SortedSet<String> codes) {
        return codes == null ? List.of() : List.copyOf(codes);
    }

    /** A modification with the rule that declares it. */
    private record Applied(RuleMeta rule, Modification modification) {
    }

    /**
     * A finding being put together from the firings of its rules. What only interlocks and amended
     * findings use (suppressions, modifications, dropped clauses, appended sentences) is created on
     * first use: most findings have none, and every assessment builds several drafts.
     */
    private static final class Draft {
        final String code;
        final Category category;
        final Urgency urgency;
        final SortedSet<RuleMeta> rules = new TreeSet<>(RuleMeta.DECLARATION_ORDER);
        final Set<Evidence> evidence = new LinkedHashSet<>();
        final Set<String> sources = new LinkedHashSet<>();
        final Map<RuleMeta, String> actionKeyByRule = new TreeMap<>(RuleMeta.DECLARATION_ORDER);
        Set<String> suppressTargets = Set.of();
        List<Applied> modifications = List.of();
        @Nullable SortedSet<String> suppresses;
        @Nullable SortedSet<String> modifiedBy;
        Set<String> droppedClauses = Set.of();
        @Nullable Map<RuleMeta, Map<String, String>> appendsByRule;
        @Nullable String replacementKey;

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
                if (!rule.suppresses().isEmpty()) {
                    if (suppressTargets.isEmpty()) {
                        suppressTargets = new LinkedHashSet<>();
                    }
                    suppressTargets.addAll(rule.suppresses());
                }
                if (!rule.modifications().isEmpty()) {
                    if (modifications.isEmpty()) {
                        modifications = new ArrayList<>();
                    }
                    for (Modification m : rule.modifications()) {
                        modifications.add(new Applied(rule, m));
                    }
                }
            }
        }

        SortedSet<String> suppresses() {
            if (suppresses == null) {
                suppresses = new TreeSet<>();
            }
            return suppresses;
        }

        void apply(Applied applied, String byCode) {
            Modification modification = applied.modification();
            if (modifiedBy == null) {
                modifiedBy = new TreeSet<>();
            }
            modifiedBy.add(byCode);
            switch (modification.operation()) {
                case DROP -> {
                    if (droppedClauses.isEmpty()) {
                        droppedClauses = new TreeSet<>();
                    }
                    droppedClauses.add(modification.variant());
                }
                case APPEND -> {
                    if (appendsByRule == null) {
                        appendsByRule = new TreeMap<>(RuleMeta.DECLARATION_ORDER);
                    }
                    appendsByRule.computeIfAbsent(applied.rule(), r -> new TreeMap<>())
                            .put(modification.variant(), modification.textKey());
                }
                case REPLACE -> replacementKey = modification.textKey();
            }
        }

        /** The first of its rules as written, so that the id does not depend on firing order. */
        String firstRuleId() {
            return rules.first().id();
        }

        /** The action: the rules' own texts (or an interlock's replacement), clauses dropped, sentences appended. */
        String action(FindingTexts texts) {
            if (replacementKey == null && appendsByRule == null && actionKeyByRule.size() == 1) {
                // One rule's text and nothing appended: the text itself, without a builder's copy.
                return texts.render(actionKeyByRule.values().iterator().next(), droppedClauses);
            }
            StringBuilder action = new StringBuilder();
            if (replacementKey != null) {
                action.append(texts.render(replacementKey, droppedClauses));
            } else {
                actionKeyByRule.values().stream().distinct()
                        .forEach(key -> append(action, texts.render(key, droppedClauses)));
            }
            if (appendsByRule != null) {
                appendsByRule.values().forEach(byVariant -> byVariant.values()
                        .forEach(key -> append(action, texts.render(key, Set.of()))));
            }
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
