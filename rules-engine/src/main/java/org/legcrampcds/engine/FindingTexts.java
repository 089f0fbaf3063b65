package org.legcrampcds.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.legcrampcds.rules.Thresholds;

/**
 * The titles and action texts of the findings, kept beside the DRL in {@code *.properties} files
 * so that clinical wording is reviewed in one place and never repeated in Java. Keys:
 * <ul>
 *   <li>{@code CODE.title}: short title;</li>
 *   <li>{@code CODE.action}: the action text; optional clauses are marked {@code [name]...[/name]}
 *       so that an interlock can drop them;</li>
 *   <li>{@code CODE.action.VARIANT}: the text a rule with {@code @action("VARIANT")} contributes, or
 *       that an interlock puts in place of the action ({@code replace VARIANT});</li>
 *   <li>{@code CODE.append.VARIANT}: a sentence an interlock adds ({@code append VARIANT}).</li>
 * </ul>
 */
final class FindingTexts {

    private final Map<String, ActionText> texts;
    private final Map<String, String> fileOfKey;

    private FindingTexts(Map<String, ActionText> texts, Map<String, String> fileOfKey) {
        this.texts = Map.copyOf(texts);
        this.fileOfKey = Map.copyOf(fileOfKey);
    }

    /**
     * Reads every texts file, rendering each threshold a text names ({@code {K_LOW}}) from
     * {@code thresholds}. Added to {@code problems}: a file that is not a properties file, a
     * placeholder the table does not define, and a number that states a threshold instead of naming
     * it ({@link ThresholdMentions}).
     */
    static FindingTexts parse(Iterable<RuleFile> files, Thresholds thresholds, List<RuleProblem> problems) {
        Map<String, ActionText> all = new HashMap<>();
        Map<String, String> fileOfKey = new HashMap<>();
        for (RuleFile file : files) {
            if (!file.isTexts()) {
                continue;
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(file.content()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), 0, RuleDiagnostic.UNREADABLE_TEXTS, "unreadable texts: " + e.getMessage()));
                continue;
            }
            for (String key : properties.stringPropertyNames()) {
                String text = properties.getProperty(key).strip();
                int line = lineOf(file, key);
                String rendered = ThresholdMentions.render(text, thresholds, id -> problems.add(new RuleProblem(file.name(), line,
                        RuleDiagnostic.UNKNOWN_THRESHOLD, "text '" + key + "' names threshold {" + id + "}, which " + RuleFile.THRESHOLDS
                        + " does not define")));
                for (ThresholdMentions.Stated stated : ThresholdMentions.stated(text, thresholds, false)) {
                    problems.add(new RuleProblem(file.name(), line, RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER, "text '" + key + "' "
                            + stated.advice("write {" + stated.threshold().id() + "}, so that the text follows the table")));
                }
                all.put(key, ActionText.parse(rendered));
                fileOfKey.put(key, file.name());
            }
        }
        return new FindingTexts(all, fileOfKey);
    }

    /** The line that defines {@code key}, or 0 if it cannot be told (a key continued or escaped). */
    private static int lineOf(RuleFile file, String key) {
        String[] lines = file.content().split("\\R", -1);
        Pattern definition = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:\\s].*");
        for (int i = 0; i < lines.length; i++) {
            if (definition.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The text under {@code key} with every optional clause shown. */
    Optional<String> get(String key) {
        return Optional.ofNullable(texts.get(key)).map(text -> text.render(Set.of()));
    }

    /** The text under {@code key} without the given clauses. */
    String render(String key, Set<String> droppedClauses) {
        ActionText text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no text '" + key + "': the rule catalogue checks this at build time");
        }
        return text.render(droppedClauses);
    }

    /** The optional clauses the text under {@code key} marks, empty if there is no such text. */
    Set<String> clauses(String key) {
        ActionText text = texts.get(key);
        return text == null ? Set.of() : text.clauses();
    }

    /** The texts file that defines {@code key}. */
    String fileOf(String key) {
        return fileOfKey.getOrDefault(key, "(texts)");
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    Iterable<String> keys() {
        return texts.keySet();
    }
}
