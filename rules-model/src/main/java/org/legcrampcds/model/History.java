package org.legcrampcds.model;

import java.math.BigDecimal;

/**
 * Recent history and lifestyle (catalogue §2.3). Numbers are exact decimals as entered.
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
public record History(BigDecimal longTravelHoursLast14Days,
                      boolean immobilisedLast28Days,
                      boolean majorSurgeryLast84Days,
                      boolean strenuousExerciseLast48Hours,
                      BigDecimal sittingOrStandingHoursPerDay,
                      BigDecimal fluidIntakeLitresPerDay,
                      BigDecimal alcoholUnitsPerWeek,
                      boolean smoker,
                      boolean sleepsWithToesPointedOrProne) {

    /** A builder that names every field; numbers left unset are reported as missing by validation. */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for the nine history fields. Not thread-safe. */
    public static final class Builder {
        private BigDecimal longTravelHoursLast14Days;
        private boolean immobilisedLast28Days;
        private boolean majorSurgeryLast84Days;
        private boolean strenuousExerciseLast48Hours;
        private BigDecimal sittingOrStandingHoursPerDay;
        private BigDecimal fluidIntakeLitresPerDay;
        private BigDecimal alcoholUnitsPerWeek;
        private boolean smoker;
        private boolean sleepsWithToesPointedOrProne;

        private Builder() {
        }

        public Builder longTravelHoursLast14Days(BigDecimal hours) {
            this.longTravelHoursLast14Days = hours;
            return this;
        }

        public Builder immobilisedLast28Days(boolean value) {
            this.immobilisedLast28Days = value;
            return this;
        }

        public Builder majorSurgeryLast84Days(boolean value) {
            this.majorSurgeryLast84Days = value;
            return this;
        }

        public Builder strenuousExerciseLast48Hours(boolean value) {
            this.strenuousExerciseLast48Hours = value;
            return this;
        }

        public Builder sittingOrStandingHoursPerDay(BigDecimal hours) {
            this.sittingOrStandingHoursPerDay = hours;
            return this;
        }

        public Builder fluidIntakeLitresPerDay(BigDecimal litres) {
            this.fluidIntakeLitresPerDay = litres;
            return this;
        }

        public Builder alcoholUnitsPerWeek(BigDecimal units) {
            this.alcoholUnitsPerWeek = units;
            return this;
        }

        public Builder smoker(boolean value) {
            this.smoker = value;
            return this;
        }

        public Builder sleepsWithToesPointedOrProne(boolean value) {
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
