package org.legcrampcds.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Recent history and lifestyle (catalogue §2.3). Numbers are exact decimals as entered. A field is
 * {@code null} exactly when the case lists it as not recorded (§11): never read as false or zero.
 *
 * @param longTravelHoursLast14Days    hours of the longest single continuous journey in the last 14 days, 0-336
 * @param immobilisedLast28Days        bedridden 3 days or more, lower-limb plaster or paralysis in the last 28 days
 * @param majorSurgeryLast84Days       major surgery under general or regional anaesthesia in the last 12 weeks
 * @param strenuousExerciseLast48Hours unaccustomed or strenuous exercise in the last 48 hours
 * @param sittingOrStandingHoursPerDay hours a day sitting or standing still for long periods, 0-24
 * @param fluidIntakeLitresPerDay      usual total drinks a day in litres, 0-15
 * @param alcoholUnitsPerWeek          UK units (8 g of alcohol) a week, 0-500
 * @param smoker                       current smoker
 * @param sleepsWithToesPointedOrProne sleeps prone or with the feet plantar-flexed
 */
public record History(@Nullable BigDecimal longTravelHoursLast14Days,
                      @Nullable Boolean immobilisedLast28Days,
                      @Nullable Boolean majorSurgeryLast84Days,
                      @Nullable Boolean strenuousExerciseLast48Hours,
                      @Nullable BigDecimal sittingOrStandingHoursPerDay,
                      @Nullable BigDecimal fluidIntakeLitresPerDay,
                      @Nullable BigDecimal alcoholUnitsPerWeek,
                      @Nullable Boolean smoker,
                      @Nullable Boolean sleepsWithToesPointedOrProne) {

    /** A record in which no history is stated: every field not recorded. */
    public static final History NOT_RECORDED = History.builder().build();

    /**
     * A builder that names every field. A field left unset is {@code null}: validation reports it as
     * missing unless the case lists it as not recorded, so nothing defaults to false or zero.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for the nine history fields. Not thread-safe. */
    public static final class Builder {
        private @Nullable BigDecimal longTravelHoursLast14Days;
        private @Nullable Boolean immobilisedLast28Days;
        private @Nullable Boolean majorSurgeryLast84Days;
        private @Nullable Boolean strenuousExerciseLast48Hours;
        private @Nullable BigDecimal sittingOrStandingHoursPerDay;
        private @Nullable BigDecimal fluidIntakeLitresPerDay;
        private @Nullable BigDecimal alcoholUnitsPerWeek;
        private @Nullable Boolean smoker;
        private @Nullable Boolean sleepsWithToesPointedOrProne;

        private Builder() {
        }

        public Builder longTravelHoursLast14Days(@Nullable BigDecimal hours) {
            this.longTravelHoursLast14Days = hours;
            return this;
        }

        public Builder immobilisedLast28Days(@Nullable Boolean value) {
            this.immobilisedLast28Days = value;
            return this;
        }

        public Builder majorSurgeryLast84Days(@Nullable Boolean value) {
            this.majorSurgeryLast84Days = value;
            return this;
        }

        public Builder strenuousExerciseLast48Hours(@Nullable Boolean value) {
            this.strenuousExerciseLast48Hours = value;
            return this;
        }

        public Builder sittingOrStandingHoursPerDay(@Nullable BigDecimal hours) {
            this.sittingOrStandingHoursPerDay = hours;
            return this;
        }

        public Builder fluidIntakeLitresPerDay(@Nullable BigDecimal litres) {
            this.fluidIntakeLitresPerDay = litres;
            return this;
        }

        public Builder alcoholUnitsPerWeek(@Nullable BigDecimal units) {
            this.alcoholUnitsPerWeek = units;
            return this;
        }

        public Builder smoker(@Nullable Boolean value) {
            this.smoker = value;
            return this;
        }

        public Builder sleepsWithToesPointedOrProne(@Nullable Boolean value) {
            this.sleepsWithToesPointedOrProne = value;
            return this;
        }

        public History build() {
            return new History(longTravelHoursLast14Days, immobilisedLast28Days, majorSurgeryLast84Days,
                    strenuousExerciseLast48Hours, sittingOrStandingHoursPerDay, fluidIntakeLitresPerDay,
                    alcoholUnitsPerWeek, smoker, sleepsWithToesPointedOrProne);
        }
    }
}
