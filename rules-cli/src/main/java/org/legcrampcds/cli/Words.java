package org.legcrampcds.cli;

/** Counted nouns for messages: "1 case", "2 cases", never "1 cases" or "case(s)". */
final class Words {

    private Words() {
    }

    /** {@code count} and the noun, plural by adding "s" unless the count is one. */
    static String count(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
