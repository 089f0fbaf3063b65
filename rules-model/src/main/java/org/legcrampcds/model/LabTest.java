package org.legcrampcds.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The laboratory tests the rules read, with their accepted units, conversion to the canonical
 * unit, rounding and plausible range (catalogue §2.6). Conversions are exact decimal arithmetic
 * (§2.8): multiplication is exact and division carries 34 significant digits before the half-up
 * rounding to the canonical number of decimals. Each test also has its freshness window (§12).
 */
public enum LabTest {
    POTASSIUM("mmol/L", 2, "1.0", "10.0", 30, Units.of("mmol/L", times("1")).and("mEq/L", times("1"))),
    SODIUM("mmol/L", 2, "90", "200", 30, Units.of("mmol/L", times("1")).and("mEq/L", times("1"))),
    MAGNESIUM("mmol/L", 2, "0.1", "5.0", 30,
            Units.of("mmol/L", times("1")).and("mg/dL", dividedBy("2.4305")).and("mEq/L", times("0.5"))),
    /** Albumin-adjusted total calcium; never an ionised calcium. */
    ADJUSTED_CALCIUM("mmol/L", 2, "0.5", "5.0", 30,
            Units.of("mmol/L", times("1")).and("mg/dL", dividedBy("4.008")).and("mEq/L", times("0.5"))),
    GLUCOSE("mmol/L", 1, "0.5", "60", 30, Units.of("mmol/L", times("1")).and("mg/dL", dividedBy("18.016"))),
    HBA1C("mmol/mol", 0, "15", "200", 180,
            Units.of("mmol/mol", times("1")).and("%", x -> x.subtract(new BigDecimal("2.15")).multiply(new BigDecimal("10.929")))),
    CK("U/L", 0, "1", "500000", 30, Units.of("U/L", times("1")).and("IU/L", times("1"))),
    EGFR("mL/min/1.73m2", 0, "0", "200", 90, Units.of("mL/min/1.73m2", times("1"))),
    TSH("mU/L", 2, "0.01", "500", 365,
            Units.of("mU/L", times("1")).and("mIU/L", times("1")).and("uIU/mL", times("1"))),
    HAEMOGLOBIN("g/L", 0, "20", "250", 90, Units.of("g/L", times("1")).and("g/dL", times("10")));

    /** Division precision: well beyond the 20 significant digits §2.8 asks for. */
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private final String canonicalUnit;
    private final int decimals;
    private final BigDecimal plausibleMin;
    private final BigDecimal plausibleMax;
    private final int freshnessDays;
    @SuppressWarnings("ImmutableEnumChecker") // Map.copyOf: unmodifiable, and the conversions are stateless lambdas
    private final Map<String, UnaryOperator<BigDecimal>> conversionByUnitKey;
    @SuppressWarnings("ImmutableEnumChecker") // List.copyOf: unmodifiable, of immutable strings
    private final List<String> acceptedUnits;

    LabTest(String canonicalUnit, int decimals, String plausibleMin, String plausibleMax, int freshnessDays,
            Units units) {
        this.canonicalUnit = canonicalUnit;
        this.freshnessDays = freshnessDays;
        this.decimals = decimals;
        this.plausibleMin = new BigDecimal(plausibleMin);
        this.plausibleMax = new BigDecimal(plausibleMax);
        this.conversionByUnitKey = Map.copyOf(units.byKey);
        this.acceptedUnits = List.copyOf(units.written);
    }

    /** The unit every rule compares in, for example {@code mmol/L}. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** Decimals the canonical value is rounded to, half-up. */
    public int decimals() {
        return decimals;
    }

    public BigDecimal plausibleMin() {
        return plausibleMin;
    }

    public BigDecimal plausibleMax() {
        return plausibleMax;
    }

    /**
     * The freshness window in days (catalogue §12): a result taken longer ago than this is stale and
     * treated as absent; one exactly this old is still current.
     */
    public int freshnessDays() {
        return freshnessDays;
    }

    /** Whether this test may carry an {@code upperLimitOfNormal} (CK and TSH only). */
    public boolean acceptsUpperLimitOfNormal() {
        return this == CK || this == TSH;
    }

    /** The accepted units as the catalogue writes them, canonical first, for example {@code [mmol/L, mEq/L]}. */
    public List<String> acceptedUnits() {
        return acceptedUnits;
    }

    /** Whether {@code unit} is accepted for this test (§2.6 step 1 matching). */
    public boolean accepts(String unit) {
        return conversionByUnitKey.containsKey(unitKey(unit));
    }

    /**
     * Converts a value in an accepted unit to the canonical unit, unrounded.
     *
     * @throws IllegalArgumentException if the unit is not accepted for this test
     */
    public BigDecimal toCanonicalUnrounded(BigDecimal value, String unit) {
        UnaryOperator<BigDecimal> conversion = conversionByUnitKey.get(unitKey(unit));
        if (conversion == null) {
            throw new IllegalArgumentException("unsupported unit '" + unit + "' for " + name());
        }
        return conversion.apply(value);
    }

    /** Converts to the canonical unit and rounds half-up to {@link #decimals()} (§2.6 steps 2-3). */
    public BigDecimal toCanonical(BigDecimal value, String unit) {
        return toCanonicalUnrounded(value, unit).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** Whether a rounded canonical value lies in the plausible range (§2.6 step 4). */
    public boolean isPlausible(BigDecimal canonicalValue) {
        return canonicalValue.compareTo(plausibleMin) >= 0 && canonicalValue.compareTo(plausibleMax) <= 0;
    }

    /** §2.6 step 1: case-insensitive, all whitespace removed, µ and μ read as u, ² as 2. */
    static String unitKey(String unit) {
        if (unit == null) {
            return "";
        }
        return unit.replaceAll("\\s+", "")
                .replace('\u00b5', 'u')
                .replace('\u03bc', 'u')
                .replace('\u00b2', '2')
                .toLowerCase(Locale.ROOT);
    }

    private static UnaryOperator<BigDecimal> times(String factor) {
        BigDecimal f = new BigDecimal(factor);
        return x -> x.multiply(f);
    }

    private static UnaryOperator<BigDecimal> dividedBy(String divisor) {
        BigDecimal d = new BigDecimal(divisor);
        return x -> x.divide(d, DIVISION);
    }

    /** Accepted units in declaration order, keyed by their §2.6 matching form. */
    private static final class Units {
        private final Map<String, UnaryOperator<BigDecimal>> byKey = new LinkedHashMap<>();
        private final List<String> written = new ArrayList<>();

        static Units of(String unit, UnaryOperator<BigDecimal> conversion) {
            return new Units().and(unit, conversion);
        }

        Units and(String unit, UnaryOperator<BigDecimal> conversion) {
            byKey.put(unitKey(unit), conversion);
            written.add(unit);
            return this;
        }
    }
}
