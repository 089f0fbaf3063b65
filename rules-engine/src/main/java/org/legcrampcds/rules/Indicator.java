package org.legcrampcds.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.NormalisedLab;

/**
 * A derived clinical state (catalogue §3), inserted by the {@code derive} rules and read by the
 * finding rules, for example {@code VTE_RISK} or {@code HYPOKALAEMIA}. It carries the evidence that
 * established it, so a finding that matches it is explained by the input facts and thresholds
 * behind it. Each threshold is written once, in the derive rule that inserts the indicator.
 *
 * @param name     the state, in upper snake case
 * @param evidence the input facts and criteria that established it
 */
public record Indicator(String name, List<Evidence> evidence) {

    public Indicator {
        Objects.requireNonNull(name, "name");
        evidence = List.copyOf(evidence);
    }

    /** A state established by one input value meeting a criterion. */
    public static Indicator of(String name, String fact, Object value, String criterion) {
        return new Indicator(name, List.of(new Evidence(fact, normalise(value), criterion)));
    }

    /** A state established by the given evidence. */
    public static Indicator of(String name, Evidence... evidence) {
        return new Indicator(name, List.of(evidence));
    }

    /** A state established by a lab value in its canonical unit meeting a criterion. */
    public static Indicator lab(String name, NormalisedLab lab, String criterion) {
        return new Indicator(name, List.of(labEvidence(lab, criterion)));
    }

    /** A state established by several facts at once; evidence of nested indicators is flattened. */
    public static Indicator all(String name, Collection<?> facts) {
        List<Evidence> evidence = new ArrayList<>();
        for (Object fact : facts) {
            evidence.addAll(FactEvidence.of(fact));
        }
        return new Indicator(name, evidence);
    }

    /** A state established by several facts at once plus a criterion on the whole. */
    public static Indicator all(String name, Collection<?> facts, String fact, Object value, String criterion) {
        Indicator parts = all(name, facts);
        List<Evidence> evidence = new ArrayList<>(parts.evidence());
        evidence.add(new Evidence(fact, normalise(value), criterion));
        return new Indicator(name, evidence);
    }

    /** This state with the evidence of one more fact, for example the upper limit a lab was compared with. */
    public Indicator with(Object fact) {
        List<Evidence> more = new ArrayList<>(evidence);
        more.addAll(FactEvidence.of(fact));
        return new Indicator(name, more);
    }

    static Evidence labEvidence(NormalisedLab lab, String criterion) {
        return new Evidence("labs." + lab.test().name(), lab.value(), lab.unit(), criterion);
    }

    private static Object normalise(Object value) {
        if (value instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
