package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.legcrampcds.model.Category;
import org.legcrampcds.model.Urgency;

/**
 * The metadata of every rule, checked once when the engine is built: every rule has a unique
 * {@code @id}; every finding rule has the metadata of interfaces.md §4, a title and action text,
 * and agrees with the other rules of its code; every suppression and modification names a real
 * finding and text. A rule base that fails any check never assesses a patient.
 */
final class RuleCatalog {

    static final String ID = "id";
    static final String CODE = "code";
    static final String CATEGORY = "category";
    static final String URGENCY = "urgency";
    static final String SOURCE = "source";
    static final String VERSION = "version";
    static final String ACTION = "action";
    static final String SUPPRESSES = "suppresses";
    /** Not "modifies": Drools reserves @Modifies for property reactivity and swallows it. */
    static final String AMENDS = "amends";
    static final Set<String> KNOWN_METADATA = Set.of(ID, CODE, CATEGORY, URGENCY, SOURCE, VERSION, ACTION, SUPPRESSES, AMENDS);

    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private final Map<String, RuleMeta> rulesByName;
    private final FindingTexts texts;

    private RuleCatalog(Map<String, RuleMeta> rulesByName, FindingTexts texts) {
        this.rulesByName = Map.copyOf(rulesByName);
        this.texts = texts;
    }

    /** Reads and checks the rules' metadata; every problem found is added to {@code problems}. */
    static RuleCatalog read(KieBase kieBase, FindingTexts texts, List<RuleFile> files, List<RuleProblem> problems) {
        Map<String, Location> locations = locate(files);
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Location at = locations.getOrDefault(rule.getName(), new Location("(rule base)", 0));
                RuleMeta meta = readRule(rule, at, problems);
                if (meta != null) {
                    rules.put(rule.getName(), meta);
                }
            }
        }
        RuleCatalog catalog = new RuleCatalog(rules, texts);
        catalog.checkConsistency(problems);
        return catalog;
    }

    RuleMeta rule(String ruleName) {
        return rulesByName.get(ruleName);
    }

    Collection<RuleMeta> rules() {
        return rulesByName.values();
    }

    FindingTexts texts() {
        return texts;
    }

    private static RuleMeta readRule(Rule rule, Location at, List<RuleProblem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        for (String key : meta.keySet()) {
            if (!KNOWN_METADATA.contains(key)) {
                problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.UNKNOWN_METADATA, "rule '" + rule.getName() + "' has unknown metadata '"
                        + key + "' (known: " + new TreeSet<>(KNOWN_METADATA) + ")"));
            }
        }
        String id = text(meta, ID);
        if (id == null) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.MISSING_ID, "rule '" + rule.getName() + "' has no @id"));
            return null;
        }
        String group = ruleGroup(rule);
        if (!RuleGroups.IN_ORDER.contains(group)) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.UNKNOWN_RULEFLOW_GROUP, "rule " + id + " is in ruleflow-group '" + group
                    + "', which never runs (groups: " + RuleGroups.IN_ORDER + ")"));
        }
        String code = text(meta, CODE);
        if (code == null) {
            return new RuleMeta(id, rule.getName(), at.file(), at.line(), null, null, null, List.of(), text(meta, VERSION),
                    null, List.of(), List.of());
        }
        String where = "rule " + id + ": ";
        Category category = enumValue(Category.class, text(meta, CATEGORY), where + "@category", at, problems);
        Urgency urgency = enumValue(Urgency.class, text(meta, URGENCY), where + "@urgency", at, problems);
        if (category != null && !code.startsWith(category.codePrefix())) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.CODE_OUTSIDE_CATEGORY,
                    where + "code " + code + " does not belong to category " + category));
        }
        if (category != null && !RuleGroups.of(category).equals(group)) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.WRONG_RULEFLOW_GROUP, where + category + " rules belong in ruleflow-group '"
                    + RuleGroups.of(category) + "', not '" + group + "' (evaluation order, catalogue section 4)"));
        }
        List<String> sources = list(text(meta, SOURCE));
        if (sources.isEmpty()) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.MISSING_SOURCE, where + "missing @source"));
        }
        String version = text(meta, VERSION);
        if (version == null) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.MISSING_VERSION, where + "missing @version"));
        }
        List<Modification> modifications = new ArrayList<>();
        for (String declaration : list(text(meta, AMENDS))) {
            try {
                modifications.add(Modification.parse(declaration));
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.MALFORMED_AMENDMENT, where + e.getMessage()));
            }
        }
        return new RuleMeta(id, rule.getName(), at.file(), at.line(), code, category, urgency, sources, version,
                text(meta, ACTION), list(text(meta, SUPPRESSES)), modifications);
    }

    private void checkConsistency(List<RuleProblem> problems) {
        Map<String, RuleMeta> byId = new HashMap<>();
        Map<String, RuleMeta> firstOfCode = new TreeMap<>();
        for (RuleMeta rule : rulesByName.values()) {
            RuleMeta clash = byId.putIfAbsent(rule.id(), rule);
            if (clash != null) {
                problems.add(problem(rule, RuleDiagnostic.DUPLICATE_ID, "duplicate @id " + rule.id() + " (also '" + clash.name() + "')"));
            }
            if (!rule.emitsFinding()) {
                continue;
            }
            RuleMeta first = firstOfCode.putIfAbsent(rule.code(), rule);
            if (first != null && (first.category() != rule.category() || first.urgency() != rule.urgency())) {
                problems.add(problem(rule, RuleDiagnostic.INCONSISTENT_CODE, "rule " + rule.id() + " gives " + rule.code() + " a category or urgency"
                        + " different from rule " + first.id()));
            }
            requireText(rule, rule.code() + ".title", problems);
            requireText(rule, rule.actionVariant() == null ? rule.code() + ".action"
                    : rule.code() + ".action." + rule.actionVariant(), problems);
        }
        for (RuleMeta rule : rulesByName.values()) {
            checkInterlocks(rule, firstOfCode, problems);
        }
        checkReplacementsDoNotConflict(problems);
        for (String key : texts.keys()) {
            String code = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
            if (!firstOfCode.containsKey(code)) {
                problems.add(new RuleProblem(texts.fileOf(key), 0, RuleDiagnostic.ORPHAN_TEXT, "text '" + key + "' belongs to no rule's @code"));
            }
        }
    }

    private void checkInterlocks(RuleMeta rule, Map<String, RuleMeta> codes, List<RuleProblem> problems) {
        if ((!rule.suppresses().isEmpty() || !rule.modifications().isEmpty()) && rule.category() != Category.SAFETY) {
            problems.add(problem(rule, RuleDiagnostic.INTERLOCK_OUTSIDE_SAFETY, "rule " + rule.id() + ": only SAFETY rules may suppress or modify findings"));
        }
        for (String target : rule.suppresses()) {
            RuleMeta targetRule = codes.get(target);
            boolean selfCareCode = targetRule != null && targetRule.category() == Category.SELF_CARE;
            if (!selfCareCode && !Category.SELF_CARE.name().equals(target)) {
                problems.add(problem(rule, RuleDiagnostic.BAD_SUPPRESSION_TARGET, "rule " + rule.id() + " suppresses '" + target
                        + "', which is neither a SELF_CARE code of this rule base nor SELF_CARE"));
            }
        }
        for (Modification modification : rule.modifications()) {
            if (!codes.containsKey(modification.target())) {
                problems.add(problem(rule, RuleDiagnostic.AMENDS_UNKNOWN_CODE, "rule " + rule.id() + " amends unknown code " + modification.target()));
            } else if (modification.operation() == Modification.Operation.DROP) {
                if (!texts.clauses(modification.textKey()).contains(modification.variant())) {
                    problems.add(problem(rule, RuleDiagnostic.UNKNOWN_CLAUSE, "rule " + rule.id() + " drops clause '" + modification.variant()
                            + "', which " + modification.target() + ".action does not mark"));
                }
            } else {
                requireText(rule, modification.textKey(), problems);
            }
        }
    }

    /**
     * Two interlocks replacing one text could both fire, and which replacement showed would be
     * undefined: a rule base with such a pair is rejected, naming the later rule.
     */
    private void checkReplacementsDoNotConflict(List<RuleProblem> problems) {
        Map<String, RuleMeta> replacerOf = new TreeMap<>();
        rulesInDeclarationOrder().forEach(rule -> rule.modifications().stream()
                .filter(m -> m.operation() == Modification.Operation.REPLACE)
                .forEach(m -> {
                    RuleMeta earlier = replacerOf.putIfAbsent(m.target(), rule);
                    if (earlier != null) {
                        problems.add(problem(rule, RuleDiagnostic.CONFLICTING_AMENDMENTS, "rule " + rule.id()
                                + " replaces the text of " + m.target() + ", which rule " + earlier.id() + " already replaces"));
                    }
                }));
    }

    private List<RuleMeta> rulesInDeclarationOrder() {
        return rulesByName.values().stream().sorted(RuleMeta.DECLARATION_ORDER).toList();
    }

    private void requireText(RuleMeta rule, String key, List<RuleProblem> problems) {
        if (!texts.has(key)) {
            problems.add(problem(rule, RuleDiagnostic.MISSING_TEXT, "rule " + rule.id() + " needs text '" + key + "', which no texts file defines"));
        }
    }

    private static RuleProblem problem(RuleMeta rule, RuleDiagnostic diagnostic, String message) {
        return new RuleProblem(rule.file(), rule.line(), diagnostic, message);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what, Location at,
                                                   List<RuleProblem> problems) {
        if (value == null) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.BAD_CATEGORY_OR_URGENCY, what + " is missing"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(at.file(), at.line(), RuleDiagnostic.BAD_CATEGORY_OR_URGENCY, what + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** The rule's group; kie-api does not expose it, so this reads Drools' own rule type. */
    private static String ruleGroup(Rule rule) {
        return rule instanceof RuleImpl impl ? impl.getAgendaGroup() : "(unknown)";
    }

    /** A metadata value as text, without the quotes some Drools paths keep. */
    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Where each rule is declared, found in the DRL text (Drools does not expose it through kie-api). */
    private static Map<String, Location> locate(List<RuleFile> files) {
        Map<String, Location> locations = new HashMap<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) {
                continue;
            }
            Matcher m = RULE_DECLARATION.matcher(file.content());
            while (m.find()) {
                int line = 1 + (int) file.content().substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                locations.put(m.group(1), new Location(file.name(), line));
            }
        }
        return locations;
    }

    private record Location(String file, int line) {
        Location {
            Objects.requireNonNull(file);
        }
    }
}
