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
 * finding rules as {@code Indicator( state == State.VTE_RISK )}. It carries the evidence that
 * established it, so a finding that matches it is explained by the input facts and thresholds
 * behind it. Each threshold is written once, in the derive rule that inserts the indicator.
 *
 * @param state    the state, one of the constants of {@link State}
 * @param evidence the input facts and criteria that established it
 */
public record Indicator(State state, List<Evidence> evidence) {

    public Indicator {
        Objects.requireNonNull(state, "state");
        evidence = List.copyOf(evidence);
    }

    /** A state established by one input value meeting a criterion. */
    public static Indicator of(State state, String fact, Object value, String criterion) {
        return new Indicator(state, List.of(new Evidence(fact, normalise(value), criterion)));
    }

    /** A state established by the given evidence. */
    public static Indicator of(State state, Evidence... evidence) {
        return new Indicator(state, List.of(evidence));
    }

    /** A state established by a lab value in its canonical unit meeting a criterion. */
    public static Indicator lab(State state, NormalisedLab lab, String criterion) {
        return new Indicator(state, List.of(labEvidence(lab, criterion)));
    }

    /** A state established by several facts at once; evidence of nested indicators is flattened. */
    public static Indicator all(State state, Collection<?> facts) {
        List<Evidence> evidence = new ArrayList<>();
        for (Object fact : facts) {
            evidence.addAll(FactEvidence.of(fact));
        }
        return new Indicator(state, evidence);
    }

    /** A state established by several facts at once plus a criterion on the whole. */
    public static Indicator all(State state, Collection<?> facts, String fact, Object value, String criterion) {
        Indicator parts = all(state, facts);
        List<Evidence> evidence = new ArrayList<>(parts.evidence());
        evidence.add(new Evidence(fact, normalise(value), criterion));
        return new Indicator(state, evidence);
    }

    /** This state with the evidence of one more fact, for example the upper limit a lab was compared with. */
    public Indicator with(Object fact) {
        List<Evidence> more = new ArrayList<>(evidence);
        more.addAll(FactEvidence.of(fact));
        return new Indicator(state, more);
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
