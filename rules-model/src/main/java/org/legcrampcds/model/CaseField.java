package org.legcrampcds.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The single-valued inputs of catalogue §2.1-2.3 that a record may leave unstated (§11.1): the
 * pregnancy pair, the five cramp fields and the nine history fields. A field that is not recorded
 * is unknown, never false or zero; rules read it as absent (§11.2).
 */
public enum CaseField {
    PREGNANCY_WEEKS("patient.pregnancyWeeks", true),
    POSTPARTUM_WEEKS("patient.postpartumWeeks", true),
    NIGHTS_PER_WEEK("cramps.nightsPerWeek", true),
    DURATION_MINUTES("cramps.durationMinutes", true),
    SITES("cramps.sites", false),
    SIDE("cramps.side", false),
    WEEKS_SINCE_ONSET("cramps.weeksSinceOnset", true),
    LONG_TRAVEL_HOURS("history.longTravelHoursLast14Days", true),
    IMMOBILISED("history.immobilisedLast28Days", true),
    MAJOR_SURGERY("history.majorSurgeryLast84Days", true),
    STRENUOUS_EXERCISE("history.strenuousExerciseLast48Hours", true),
    SITTING_OR_STANDING_HOURS("history.sittingOrStandingHoursPerDay", false),
    FLUID_INTAKE("history.fluidIntakeLitresPerDay", false),
    ALCOHOL_UNITS("history.alcoholUnitsPerWeek", false),
    SMOKER("history.smoker", false),
    SLEEPS_WITH_TOES_POINTED("history.sleepsWithToesPointedOrProne", false);

    private static final Map<String, CaseField> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CaseField::path, Function.identity()));

    private final String path;
    private final boolean safetyInput;

    CaseField(String path, boolean safetyInput) {
        this.path = path;
        this.safetyInput = safetyInput;
    }

    /** The case-JSON path, for example {@code history.smoker}. */
    public String path() {
        return path;
    }

    /** The object the field belongs to: {@code patient}, {@code cramps} or {@code history}. */
    public String group() {
        return path.substring(0, path.indexOf('.'));
    }

    /**
     * Whether a RED_FLAG or SAFETY trigger reads it (catalogue §11.3): self-care is withheld while
     * any safety input is not recorded.
     */
    public boolean isSafetyInput() {
        return safetyInput;
    }

    /**
     * Why a value of this field lies outside the range the case format allows (catalogue §2.7), in
     * the words of a validation error, or empty when it is in range. The one statement of the cramp
     * and history ranges: the model's checks use it, and so does a reader that must set an
     * out-of-range answer aside instead of having the whole case rejected (a FHIR questionnaire).
     *
     * @param value the field's value (an integer or a decimal); fields without a range are always in range
     */
    public Optional<String> rangeProblem(Number value) {
        BigDecimal v = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        return switch (this) {
            case PREGNANCY_WEEKS -> integerRange(v, IntRange.PREGNANCY_WEEKS);
            case POSTPARTUM_WEEKS -> integerRange(v, IntRange.POSTPARTUM_WEEKS);
            case NIGHTS_PER_WEEK -> integerRange(v, IntRange.NIGHTS_PER_WEEK);
            case DURATION_MINUTES -> v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(240)) > 0
                    ? Optional.of("out of range: must be greater than 0 and at most 240") : Optional.empty();
            case WEEKS_SINCE_ONSET -> decimalRange(v, 0, 5200);
            case LONG_TRAVEL_HOURS -> decimalRange(v, 0, 336);
            case SITTING_OR_STANDING_HOURS -> decimalRange(v, 0, 24);
            case FLUID_INTAKE -> decimalRange(v, 0, 15);
            case ALCOHOL_UNITS -> decimalRange(v, 0, 500);
            default -> Optional.empty();
        };
    }

    private static Optional<String> integerRange(BigDecimal value, IntRange range) {
        return value.compareTo(BigDecimal.valueOf(range.min())) < 0 || value.compareTo(BigDecimal.valueOf(range.max())) > 0
                ? Optional.of(range.reason()) : Optional.empty();
    }

    private static Optional<String> decimalRange(BigDecimal value, int min, int max) {
        return value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0
                ? Optional.of("out of range: must be between " + min + " and " + max) : Optional.empty();
    }

    /** The field with this case-JSON path. */
    public static Optional<CaseField> ofPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Every field of one group, in declaration order. */
    public static Set<CaseField> inGroup(String group) {
        Set<CaseField> fields = EnumSet.noneOf(CaseField.class);
        for (CaseField field : values()) {
            if (field.group().equals(group)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
