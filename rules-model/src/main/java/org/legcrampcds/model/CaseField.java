package org.legcrampcds.model;

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
