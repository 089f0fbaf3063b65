package org.legcrampcds.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A current medication (catalogue §2.5).
 *
 * @param name           generic name, non-empty; matched case-insensitively after trimming
 * @param drugClass      the class the rules act on; must agree with {@link GenericDrugNames}
 * @param startedDaysAgo days since it was started, 0-36500, or {@code null} when unknown
 */
public record Medication(String name, DrugClass drugClass, @Nullable Integer startedDaysAgo) {

    /** The name as the rules compare it: trimmed and lower-cased (catalogue §7). */
    public String normalisedName() {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
