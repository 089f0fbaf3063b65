package org.legcrampcds.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.LabTest;

/**
 * The lab decision values of one rule base ({@code thresholds.csv}), as the DRL reads them through
 * the global {@code thresholds}: {@code NormalisedLab( thresholds.met( "K_LOW", test, value ) )} and
 * {@code thresholds.criterion( "K_LOW" )} for the evidence. Immutable. Every id a rule names is
 * checked against the table when the rule base is built, so an unknown id here is a defect.
 */
public final class Thresholds {

    /** The name of the DRL global. */
    public static final String GLOBAL = "thresholds";

    private final Map<String, Threshold> byId;

    private Thresholds(Map<String, Threshold> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** The table of the given rows; ids must be unique. */
    public static Thresholds of(List<Threshold> rows) {
        Map<String, Threshold> byId = new LinkedHashMap<>();
        for (Threshold row : rows) {
            if (byId.putIfAbsent(row.id(), row) != null) {
                throw new IllegalArgumentException("duplicate threshold id " + row.id());
            }
        }
        return new Thresholds(byId);
    }

    /**
     * Whether a lab of {@code test} with {@code value} meets the threshold: it must be the threshold's
     * test. The DRL passes the lab's properties rather than the lab itself, so that Drools knows which
     * properties the constraint reads (property reactivity).
     */
    public boolean met(String id, LabTest test, BigDecimal value) {
        Threshold t = get(id);
        return test == t.test() && t.comparison().holds(value, t.value());
    }

    /** Whether a lab meets a threshold that is a multiple of an upper limit of normal. */
    public boolean met(String id, LabTest test, BigDecimal value, UpperLimit upperLimit) {
        Threshold t = get(id);
        return test == t.test() && upperLimit.test() == t.test()
                && t.comparison().holds(value, upperLimit.value().multiply(t.value()));
    }

    /** The decision value itself, for example a default upper limit of normal. */
    public BigDecimal value(String id) {
        return get(id).value();
    }

    /** The criterion text of the evidence, for example {@code < 3.5}. */
    public String criterion(String id) {
        return get(id).criterion();
    }

    /** The criterion of a value that does not meet the threshold, for example {@code >= 2.5} for {@code < 2.5}. */
    public String negated(String id) {
        return get(id).negatedCriterion();
    }

    /** The row of {@code id}, or {@code null} when the table has none. */
    public @Nullable Threshold find(String id) {
        return byId.get(id);
    }

    /** Every row, in table order. */
    public List<Threshold> all() {
        return List.copyOf(byId.values());
    }

    private Threshold get(String id) {
        Threshold t = byId.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no threshold '" + id + "': the rule base build checks every id the rules read");
        }
        return t;
    }
}
