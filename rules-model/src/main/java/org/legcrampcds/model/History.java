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
}
