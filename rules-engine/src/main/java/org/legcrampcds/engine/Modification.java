package org.legcrampcds.engine;

import java.util.Locale;

/**
 * How a SAFETY interlock changes another finding's action text (catalogue §6), declared on the
 * interlock's rule as {@code @amends("TARGET operation VARIANT")}, several separated by {@code ;}.
 *
 * @param target    the code whose text changes
 * @param operation what happens to it
 * @param variant   the clause dropped, or the text variant appended or put in place
 */
record Modification(String target, Operation operation, String variant) {

    enum Operation {
        /** Remove the clause marked {@code [variant]...[/variant]} from the action. */
        DROP,
        /** Add the sentence {@code TARGET.append.variant} after the action. */
        APPEND,
        /** Put {@code TARGET.action.variant} in place of the action. */
        REPLACE
    }

    /** Parses {@code "SC_ACUTE_CRAMP_RELIEF drop massage"}; throws with a readable message when malformed. */
    static Modification parse(String declaration) {
        String[] parts = declaration.strip().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("@amends entry '" + declaration.strip()
                    + "' must read 'CODE drop|append|replace VARIANT'");
        }
        Operation operation;
        try {
            operation = Operation.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@amends entry '" + declaration.strip()
                    + "': unknown operation '" + parts[1] + "' (drop, append or replace)");
        }
        return new Modification(parts[0], operation, parts[2]);
    }

    /** The texts key this modification needs, or the clause marker for {@link Operation#DROP}. */
    String textKey() {
        return switch (operation) {
            case DROP -> target + ".action";
            case APPEND -> target + ".append." + variant;
            case REPLACE -> target + ".action." + variant;
        };
    }
}
