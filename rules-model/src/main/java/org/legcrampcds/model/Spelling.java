package org.legcrampcds.model;

/**
 * How far apart two names are, for "did you mean" suggestions: the case reader's for a misspelt key,
 * the rule lint's for a misspelt derived state. Each caller decides how near is near enough.
 */
public final class Spelling {

    private Spelling() {
    }

    /** The edit distance of two names (Levenshtein: insertions, deletions and substitutions, each 1). */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
