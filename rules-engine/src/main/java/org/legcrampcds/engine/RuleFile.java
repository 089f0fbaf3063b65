package org.legcrampcds.engine;

import java.nio.charset.StandardCharsets;

/**
 * One file of a rule base: DRL rules or finding texts.
 *
 * @param name    the file name, for example {@code 20-red-flags.drl}
 * @param content its text
 */
record RuleFile(String name, String content) {

    static final String DRL = ".drl";
    static final String TEXTS = ".properties";

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
