package org.legcrampcds.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

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

    private final Map<String, String> texts;

    private FindingTexts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    static FindingTexts parse(Iterable<RuleFile> files) {
        Map<String, String> all = new HashMap<>();
        for (RuleFile file : files) {
            if (!file.isTexts()) {
                continue;
            }
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(file.content()));
            } catch (IOException | IllegalArgumentException e) {
                throw new RuleBaseException(file.name(), "unreadable texts: " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(key -> all.put(key, properties.getProperty(key).strip()));
        }
        return new FindingTexts(all);
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    Iterable<String> keys() {
        return texts.keySet();
    }
}
