package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.legcrampcds.model.Category;

/**
 * The evaluation order of catalogue §4 and §7: the {@code ruleflow-group} each rule runs in.
 * Derive rules run first, then one group per finding category in {@link Category} order;
 * suppression and the summary follow in Java.
 */
final class RuleGroups {

    static final String DERIVE = "derive";

    private static final Map<Category, String> GROUP_OF_CATEGORY = new EnumMap<>(Map.of(
            Category.RED_FLAG, "redflag", Category.CAUSE, "cause", Category.MEDICATION_REVIEW, "medreview",
            Category.INVESTIGATION, "investigation", Category.SAFETY, "safety", Category.SELF_CARE, "selfcare"));

    /** Every group, in the order they run. */
    static final List<String> IN_ORDER = inOrder();

    private RuleGroups() {
    }

    /** The group the rules of a finding category belong in. */
    static String of(Category category) {
        return GROUP_OF_CATEGORY.get(category);
    }

    private static List<String> inOrder() {
        List<String> groups = new ArrayList<>();
        groups.add(DERIVE);
        groups.addAll(GROUP_OF_CATEGORY.values()); // EnumMap: category declaration order
        return List.copyOf(groups);
    }
}
