package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.legcrampcds.model.Category;
import org.legcrampcds.model.PatientCase;

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

    /** Every group but self-care: for a record whose safety inputs are not all recorded (catalogue §11.3). */
    private static final List<String> WITHOUT_SELF_CARE = IN_ORDER.stream()
            .filter(group -> !group.equals(GROUP_OF_CATEGORY.get(Category.SELF_CARE))).toList();

    /** What red flags depend on: the derived facts and the red flags themselves (catalogue §11.4 what-ifs). */
    static final List<String> UP_TO_RED_FLAGS = List.of(DERIVE, GROUP_OF_CATEGORY.get(Category.RED_FLAG));

    private RuleGroups() {
    }

    /** The groups an assessment of {@code patientCase} runs (catalogue 11.3: self-care only when every red flag and interlock could be checked). */
    static List<String> toAssess(PatientCase patientCase) {
        return patientCase.safetyInputsRecorded() ? IN_ORDER : WITHOUT_SELF_CARE;
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
