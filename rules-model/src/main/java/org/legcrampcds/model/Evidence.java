package org.legcrampcds.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input fact that made a finding fire, with the criterion it met. Lab values are in the
 * canonical unit after conversion and rounding, so a reviewer sees {@code 0.45 mmol/L < 0.50}
 * even when the case said {@code 1.1 mg/dL}.
 *
 * @param fact      the input path or derived-fact name, for example {@code history.longTravelHoursLast14Days},
 *                  {@code symptoms} or {@code labs.MAGNESIUM}
 * @param value     the value: a {@link String}, {@link Boolean} or exact {@link BigDecimal}
 * @param unit      the unit of a numeric value, or {@code null} when it has none
 * @param criterion the criterion met, for example {@code >= 4} or {@code present}
 */
public record Evidence(String fact, Object value, @Nullable String unit, String criterion) {

    public Evidence {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(criterion, "criterion");
        if (!(value instanceof String || value instanceof Boolean || value instanceof BigDecimal)) {
            throw new IllegalArgumentException("evidence value must be a String, Boolean or BigDecimal: " + value.getClass());
        }
    }

    /** Evidence without a unit. */
    public Evidence(String fact, Object value, String criterion) {
        this(fact, value, null, criterion);
    }

    @Override
    public String toString() {
        String shown = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        return fact + " = " + shown + (unit == null ? "" : " " + unit) + " (" + criterion + ")";
    }
}
