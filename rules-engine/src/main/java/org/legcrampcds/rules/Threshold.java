package org.legcrampcds.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

import org.legcrampcds.model.LabTest;

/**
 * One lab decision value of the rule base, a row of {@code thresholds.csv}: for example
 * {@code K_LOW,POTASSIUM,<,3.5,mmol/L,low potassium}. The rules compare labs with it through
 * {@link Thresholds}, and the evidence's criterion text is written from it, so a value is never
 * typed twice.
 *
 * @param id         the name rules read it by, in upper snake case
 * @param test       the lab test it applies to
 * @param comparison how a lab value meets it
 * @param value      the decision value in the test's canonical unit, or a multiple of the upper limit of normal
 * @param unit       the test's canonical unit, or {@link #TIMES_ULN}
 * @param meaning    what meeting it means, for reviewers
 */
public record Threshold(String id, LabTest test, Comparison comparison, BigDecimal value, String unit, String meaning) {

    /** The unit of a threshold that is a multiple of the test's upper limit of normal ({@code ckUln}). */
    public static final String TIMES_ULN = "x ULN";

    public Threshold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(meaning, "meaning");
    }

    /** How a value meets a threshold; {@link #DEFAULT} is a value used when the case gives none. */
    public enum Comparison {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), DEFAULT("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The comparison a value meets exactly when it does not meet this one. */
        Comparison negation() {
            return switch (this) {
                case LESS -> GREATER_OR_EQUAL;
                case LESS_OR_EQUAL -> GREATER;
                case GREATER -> LESS_OR_EQUAL;
                case GREATER_OR_EQUAL -> LESS;
                case DEFAULT -> throw new IllegalStateException("a default value is not a comparison");
            };
        }

        boolean holds(BigDecimal actual, BigDecimal limit) {
            int c = actual.compareTo(limit);
            return switch (this) {
                case LESS -> c < 0;
                case LESS_OR_EQUAL -> c <= 0;
                case GREATER -> c > 0;
                case GREATER_OR_EQUAL -> c >= 0;
                case DEFAULT -> throw new IllegalStateException("a default value is not a comparison");
            };
        }

        /** The comparison written as {@code symbol}, or {@code null}. */
        public static Comparison ofSymbol(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Whether the value is a multiple of the test's upper limit of normal rather than a value in its unit. */
    public boolean isMultipleOfUpperLimit() {
        return TIMES_ULN.equals(unit);
    }

    /** The criterion as evidence shows it: {@code < 3.5}, or {@code >= 5 x ckUln} for a multiple. */
    public String criterion() {
        return criterion(comparison);
    }

    /** The criterion a value meets when it does not meet this threshold: {@code >= 2.5} for {@code < 2.5}. */
    public String negatedCriterion() {
        return criterion(comparison.negation());
    }

    private String criterion(Comparison c) {
        String text = c.symbol() + " " + value.toPlainString();
        return isMultipleOfUpperLimit() ? text + " x " + test.name().toLowerCase(Locale.ROOT) + "Uln" : text;
    }
}
