package org.legcrampcds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.legcrampcds.model.Condition;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.NormalisedLab;
import org.legcrampcds.model.Symptom;

/**
 * What a matched fact says about why a rule fired. Input records that carry thresholds
 * (patient, cramps, history) say nothing here: thresholds on them belong in derive rules, which
 * turn them into {@link Indicator}s with explicit criteria.
 */
public final class FactEvidence {

    private FactEvidence() {
    }

    /** The evidence a matched fact contributes; empty for facts that explain nothing by themselves. */
    public static List<Evidence> of(Object fact) {
        if (fact instanceof Indicator indicator) {
            return indicator.evidence();
        }
        if (fact instanceof Symptom symptom) {
            return List.of(new Evidence("symptoms", symptom.name(), "present"));
        }
        if (fact instanceof Condition condition) {
            return List.of(new Evidence("conditions", condition.name(), "present"));
        }
        if (fact instanceof Medication medication) {
            return List.of(new Evidence("medications", medication.name().trim(), "drugClass " + medication.drugClass()));
        }
        if (fact instanceof NormalisedLab lab) {
            return List.of(Indicator.labEvidence(lab, "present"));
        }
        if (fact instanceof UpperLimit limit) {
            return List.of(limit.evidence());
        }
        if (fact instanceof FindingFact finding) {
            return List.of(new Evidence("findings", finding.code(), "fired"));
        }
        if (fact instanceof Collection<?> facts) {
            List<Evidence> all = new ArrayList<>();
            facts.forEach(f -> all.addAll(of(f)));
            return all;
        }
        return List.of();
    }
}
