package org.legcrampcds.fhir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.legcrampcds.model.IntRange;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Unmapped;

/**
 * Labs from Observations (interfaces.md §6): per test the latest result (by day count, then
 * instant) with a LOINC code of the table and status final, amended or corrected; if that latest
 * result is unusable the test is absent, never replaced by an older value. Adjusted calcium is the
 * latest of a reported corrected calcium and one computed from total calcium and albumin of the same
 * day; an ionised calcium is never used as adjusted calcium. Pregnancy-status and gestational-age
 * observations are kept for the pregnancy mapping.
 */
final class LabMapper {

    private static final Set<String> FINAL = Set.of("final", "amended", "corrected");
    private static final MathContext DIVISION = MathContext.DECIMAL128;
    private static final BigDecimal CALCIUM_MG_PER_MMOL = new BigDecimal("4.008");
    private static final BigDecimal ALBUMIN_REFERENCE = new BigDecimal("40");
    private static final BigDecimal CALCIUM_PER_ALBUMIN = new BigDecimal("0.02");

    /** An observation that may be used, with its day count and instant. */
    record Dated(Observation observation, String location, long days, Instant instant) {
    }

    private static final Comparator<Dated> LATEST_FIRST = Comparator.comparingLong(Dated::days)
            .thenComparing(Dated::instant, Comparator.reverseOrder());

    private final CodeTables codes;
    private final MappingContext context;
    private final Map<String, List<Dated>> byTarget = new TreeMap<>();

    LabMapper(CodeTables codes, MappingContext context) {
        this.codes = codes;
        this.context = context;
    }

    void add(Observation observation, String location) {
        Optional<String> target = codes.lab(observation.getCode());
        if (target.isEmpty()) {
            context.unmapped(observation, Unmapped.Reason.NO_MAPPING, "no table entry for "
                    + ConditionMapper.codings(observation.getCode()));
            return;
        }
        if ("IONISED_CALCIUM".equals(target.get())) {
            context.unmapped(observation, Unmapped.Reason.NOT_ADJUSTED_CALCIUM, "an ionised calcium is never adjusted calcium");
            return;
        }
        String status = observation.getStatus() == null ? null : observation.getStatus().toCode();
        if (status == null || !FINAL.contains(status)) {
            context.unmapped(observation, Unmapped.Reason.NOT_CURRENT, "Observation with status " + status);
            return;
        }
        var effective = observation.hasEffectivePeriod() ? observation.getEffectivePeriod().getStartElement()
                : observation.hasEffectiveDateTimeType() ? observation.getEffectiveDateTimeType()
                : observation.hasEffectiveInstantType() ? observation.getEffectiveInstantType() : null;
        Optional<Long> days = context.daysSince(effective);
        if (days.isEmpty() || days.get() < 0) {
            context.unmapped(observation, Unmapped.Reason.UNUSABLE_VALUE, days.isEmpty()
                    ? "no full effective date, so its age is unknown" : "taken after the as-of date");
            return;
        }
        Instant instant = effective.getValue().toInstant();
        byTarget.computeIfAbsent(target.get(), t -> new ArrayList<>()).add(new Dated(observation, location, days.get(), instant));
    }

    /** A lab of the case with where it came from. */
    record MappedLab(LabResult lab, String location) {
    }

    /** The labs of the case: the latest usable result of each test, adjusted calcium computed where it must be. */
    List<MappedLab> labs() {
        Map<LabTest, MappedLab> labs = new EnumMap<>(LabTest.class);
        for (LabTest test : LabTest.values()) {
            if (test == LabTest.ADJUSTED_CALCIUM) {
                adjustedCalcium().ifPresent(lab -> labs.put(test, lab));
            } else {
                latest(test.name()).flatMap(latest -> usable(test.name(), latest)).ifPresent(lab -> labs.put(test, lab));
            }
        }
        return List.copyOf(labs.values());
    }

    /** The latest observation of a target; every older one is reported as superseded. */
    Optional<Dated> latest(String target) {
        List<Dated> all = new ArrayList<>(byTarget.getOrDefault(target, List.of()));
        all.sort(LATEST_FIRST);
        for (Dated older : all.subList(Math.min(1, all.size()), all.size())) {
            context.unmapped(older.observation(), Unmapped.Reason.SUPERSEDED, "a later " + target + " result was used");
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The latest of a reported corrected calcium and one computed from total calcium and albumin of the same day. */
    private Optional<MappedLab> adjustedCalcium() {
        List<Dated> reported = sorted("ADJUSTED_CALCIUM");
        Optional<Computed> computed = computedCalcium();
        Dated latestReported = reported.isEmpty() ? null : reported.get(0);
        boolean useComputed = computed.isPresent()
                && (latestReported == null || computed.get().days() < latestReported.days());
        for (Dated older : reported.subList(useComputed || reported.isEmpty() ? 0 : 1, reported.size())) {
            context.unmapped(older.observation(), Unmapped.Reason.SUPERSEDED, "a later adjusted calcium was used");
        }
        if (useComputed) {
            return Optional.of(new MappedLab(computed.get().lab(), computed.get().parts().get(0).location()));
        }
        computed.ifPresent(c -> c.parts().forEach(part -> context.unmapped(part.observation(), Unmapped.Reason.SUPERSEDED,
                "a later reported corrected calcium was used")));
        return latestReported == null ? Optional.empty() : usable("ADJUSTED_CALCIUM", latestReported);
    }

    private record Computed(LabResult lab, long days, List<Dated> parts) {
    }

    /**
     * adjusted = total (mmol/L) + 0.02 x (40 - albumin (g/L)), exact, from the latest day with a
     * usable total calcium and albumin; other totals and albumins are superseded.
     */
    private Optional<Computed> computedCalcium() {
        List<Dated> totals = sorted("TOTAL_CALCIUM");
        List<Dated> albumins = sorted("ALBUMIN");
        Computed best = null;
        for (Dated total : totals) {
            for (Dated albumin : albumins) {
                if (sameDay(total, albumin)) {
                    Optional<BigDecimal> t = value(total, "TOTAL_CALCIUM", "mmol/L", "mg/dL", CALCIUM_MG_PER_MMOL, true);
                    Optional<BigDecimal> a = value(albumin, "ALBUMIN", "g/L", "g/dL", BigDecimal.TEN, false);
                    if (t.isPresent() && a.isPresent()) {
                        // Exact, then rounded as catalogue 2.6 rounds adjusted calcium (interfaces.md 6).
                        BigDecimal adjusted = t.get().add(CALCIUM_PER_ALBUMIN.multiply(ALBUMIN_REFERENCE.subtract(a.get())))
                                .setScale(LabTest.ADJUSTED_CALCIUM.decimals(), java.math.RoundingMode.HALF_UP);
                        Optional<String> implausible = implausible(LabTest.ADJUSTED_CALCIUM, adjusted, "mmol/L");
                        if (implausible.isPresent() || !IntRange.DAYS_SINCE_TAKEN.contains(Math.max(total.days(), albumin.days()))) {
                            // The latest pair gives a value the case cannot hold: no adjusted calcium, never an older pair.
                            String why = implausible.map(w -> "adjusted calcium computed with this result: " + w)
                                    .orElse("taken outside the case's 0-36500 days") + "; ADJUSTED_CALCIUM is absent";
                            context.unmapped(total.observation(), Unmapped.Reason.IMPLAUSIBLE_VALUE, why);
                            context.unmapped(albumin.observation(), Unmapped.Reason.IMPLAUSIBLE_VALUE, why);
                            return rejectedPair(totals, albumins, total, albumin);
                        }
                        long days = Math.max(total.days(), albumin.days());
                        best = new Computed(new LabResult(LabTest.ADJUSTED_CALCIUM, adjusted, "mmol/L", null, (int) days), days,
                                List.of(total, albumin));
                        break;
                    }
                }
            }
            if (best != null) {
                break;
            }
        }
        for (Dated part : totals) {
            unusedPart(part, best, "no usable albumin of the same day, so no adjusted calcium can be computed");
        }
        for (Dated part : albumins) {
            unusedPart(part, best, "no usable total calcium of the same day, so no adjusted calcium can be computed");
        }
        return Optional.ofNullable(best);
    }

    /** After an implausible latest pair: every other total calcium and albumin is superseded by it. */
    private Optional<Computed> rejectedPair(List<Dated> totals, List<Dated> albumins, Dated total, Dated albumin) {
        for (Dated part : totals) {
            if (part != total) {
                context.unmapped(part.observation(), Unmapped.Reason.SUPERSEDED, "a later total calcium and albumin pair was read");
            }
        }
        for (Dated part : albumins) {
            if (part != albumin) {
                context.unmapped(part.observation(), Unmapped.Reason.SUPERSEDED, "a later total calcium and albumin pair was read");
            }
        }
        return Optional.empty();
    }

    private void unusedPart(Dated part, Computed best, String withoutPair) {
        if (best == null) {
            context.unmapped(part.observation(), Unmapped.Reason.UNUSABLE_VALUE, withoutPair);
        } else if (!best.parts().contains(part)) {
            context.unmapped(part.observation(), Unmapped.Reason.SUPERSEDED, "a later total calcium and albumin pair was used");
        }
    }

    /** A value in the first unit, converting from the second (divided or multiplied by the factor). */
    private Optional<BigDecimal> value(Dated dated, String target, String unit, String other, BigDecimal factor, boolean divide) {
        Quantity q = dated.observation().getValueQuantity();
        if (!plainValue(dated.observation())) {
            return Optional.empty();
        }
        Optional<String> accepted = unitOf(target, q);
        if (accepted.filter(unit::equals).isPresent()) {
            return Optional.of(q.getValue());
        }
        if (accepted.filter(other::equals).isPresent()) {
            return Optional.of(divide ? q.getValue().divide(factor, DIVISION) : q.getValue().multiply(factor));
        }
        return Optional.empty();
    }

    private static boolean sameDay(Dated a, Dated b) {
        return a.days() == b.days();
    }

    private List<Dated> sorted(String target) {
        List<Dated> all = new ArrayList<>(byTarget.getOrDefault(target, List.of()));
        all.sort(LATEST_FIRST);
        return all;
    }

    /** The result as a lab of the case, or empty (reported) when it cannot be used. */
    private Optional<MappedLab> usable(String target, Dated latest) {
        Observation o = latest.observation();
        if (o.hasDataAbsentReason()) {
            context.unmapped(o, Unmapped.Reason.UNUSABLE_VALUE, "dataAbsentReason " + ConditionMapper.code(o.getDataAbsentReason())
                    + "; " + target + " is absent, no older result replaces it");
            return Optional.empty();
        }
        if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
            context.unmapped(o, Unmapped.Reason.UNUSABLE_VALUE, "no value; " + target + " is absent");
            return Optional.empty();
        }
        if (o.getValueQuantity().hasComparator()) {
            context.unmapped(o, Unmapped.Reason.UNUSABLE_VALUE, "comparator '" + o.getValueQuantity().getComparator().toCode()
                    + "'; " + target + " is absent, no older result replaces it");
            return Optional.empty();
        }
        Optional<String> unit = unitOf(target, o.getValueQuantity());
        if (unit.isEmpty()) {
            context.unmapped(o, Unmapped.Reason.UNIT_NOT_ACCEPTED, "unit '" + unitText(o.getValueQuantity()) + "' is not accepted for "
                    + target + "; " + target + " is absent");
            return Optional.empty();
        }
        if (!IntRange.DAYS_SINCE_TAKEN.contains(latest.days())) {
            context.unmapped(o, Unmapped.Reason.IMPLAUSIBLE_VALUE, "taken " + latest.days() + " days before the as-of date,"
                    + " outside the case's " + IntRange.DAYS_SINCE_TAKEN.min() + "-" + IntRange.DAYS_SINCE_TAKEN.max()
                    + " days; " + target + " is absent, no older result replaces it");
            return Optional.empty();
        }
        LabTest test = LabTest.valueOf(target);
        BigDecimal value = o.getValueQuantity().getValue();
        Optional<String> implausible = implausible(test, value, unit.get());
        if (implausible.isPresent()) {
            context.unmapped(o, Unmapped.Reason.IMPLAUSIBLE_VALUE, implausible.get() + "; " + target
                    + " is absent, no older result replaces it");
            return Optional.empty();
        }
        BigDecimal upperLimit = test.acceptsUpperLimitOfNormal() ? upperLimit(o).orElse(null) : null;
        if (upperLimit != null && upperLimit.signum() <= 0) {
            context.unmapped(o, Unmapped.Reason.IMPLAUSIBLE_VALUE, "reference range high " + upperLimit.toPlainString() + " "
                    + unit.get() + " is not above 0; " + target + " is absent, no older result replaces it");
            return Optional.empty();
        }
        return Optional.of(new MappedLab(new LabResult(test, value, unit.get(), upperLimit, (int) latest.days()),
                latest.location()));
    }

    /**
     * Why a value the case cannot hold is implausible (interfaces.md §6 (2.3)): its canonical value,
     * rounded as catalogue §2.6 rounds it, lies outside the catalogue's plausible range. The case
     * model would reject the whole case for it; the mapping sets that one result aside instead.
     */
    static Optional<String> implausible(LabTest test, BigDecimal value, String unit) {
        BigDecimal canonical = test.toCanonical(value, unit);
        if (test.isPlausible(canonical)) {
            return Optional.empty();
        }
        String converted = unit.equals(test.canonicalUnit()) ? ""
                : " (" + canonical.toPlainString() + " " + test.canonicalUnit() + ")";
        return Optional.of("implausible value " + value.toPlainString() + " " + unit + converted + ": outside the plausible "
                + test.plausibleMin().toPlainString() + "-" + test.plausibleMax().toPlainString() + " " + test.canonicalUnit());
    }

    private static boolean plainValue(Observation o) {
        return !o.hasDataAbsentReason() && o.hasValueQuantity() && o.getValueQuantity().hasValue()
                && !o.getValueQuantity().hasComparator();
    }

    /** The catalogue unit of a quantity: its UCUM code through the table, else its unit text if the test accepts it. */
    private Optional<String> unitOf(String target, Quantity quantity) {
        boolean ucum = !quantity.hasSystem() || CodeTables.UCUM.equals(quantity.getSystem());
        if (ucum && quantity.hasCode()) {
            return codes.unit(target, quantity.getCode());
        }
        if (quantity.hasUnit() && isLabTest(target) && LabTest.valueOf(target).accepts(quantity.getUnit())) {
            return Optional.of(quantity.getUnit());
        }
        return Optional.empty();
    }

    /** CK and TSH: the first reference range with a high in the value's unit and no appliesTo. */
    private static Optional<BigDecimal> upperLimit(Observation o) {
        Quantity value = o.getValueQuantity();
        return o.getReferenceRange().stream()
                .filter(r -> r.hasHigh() && r.getHigh().hasValue() && !r.hasAppliesTo())
                .filter(r -> sameUnit(r.getHigh(), value))
                .map(r -> r.getHigh().getValue())
                .findFirst();
    }

    private static boolean sameUnit(Quantity a, Quantity b) {
        if (a.hasCode() || b.hasCode()) {
            return a.hasCode() && a.getCode().equals(b.getCode());
        }
        return a.hasUnit() && a.getUnit().equals(b.getUnit());
    }

    private static String unitText(Quantity q) {
        return q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : "(none)";
    }

    private static boolean isLabTest(String target) {
        for (LabTest test : LabTest.values()) {
            if (test.name().equals(target)) {
                return true;
            }
        }
        return false;
    }

}
