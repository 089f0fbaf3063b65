package org.legcrampcds.engine;

import java.nio.charset.StandardCharsets;

/**
 * One file of a rule base: DRL rules, finding texts, the decision thresholds or the source register.
 *
 * @param name    the file name, for example {@code 20-red-flags.drl}
 * @param content its text
 */
record RuleFile(String name, String content) {

    static final String DRL = ".drl";
    static final String TEXTS = ".properties";
    /** The lab decision values every rule reads (catalogue §2.6 and §3), one row each. */
    static final String THRESHOLDS = "thresholds.csv";
    /** The ids a rule's {@code @source} may cite (catalogue §1). */
    static final String SOURCES = "sources.csv";

    /** Whether a file of this name belongs to a rule base. */
    static boolean isRuleFileName(String name) {
        return name.endsWith(DRL) || name.endsWith(TEXTS) || name.equals(THRESHOLDS) || name.equals(SOURCES);
    }

    boolean isDrl() {
        return name.endsWith(DRL);
    }

    boolean isTexts() {
        return name.endsWith(TEXTS);
    }

    byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
