package org.legcrampcds.engine;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.History;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.NormalisedLab;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Symptom;

/**
 * The facts one evaluation inserts: a validated case's input records with only its current labs
 * (stale ones are absent for every rule, catalogue §12), or a what-if variant of them (§11.4), which
 * is not validated again.
 */
record CaseFacts(Patient patient, Cramps cramps, History history, Set<Symptom> symptoms, Set<Condition> conditions,
                 List<Medication> medications, List<NormalisedLab> labs) {

    /** §11.4 firing values: the answer that would make each not-recorded input count. */
    private static final BigDecimal TRAVEL_HOURS = new BigDecimal("336");
    private static final BigDecimal WEEKS_SINCE_ONSET = new BigDecimal("5200");
    private static final BigDecimal DURATION_MINUTES = new BigDecimal("240");
    private static final int NIGHTS_PER_WEEK = 7;
    private static final int PREGNANCY_WEEKS = 20;
    private static final int POSTPARTUM_WEEKS = 0;

    static CaseFacts of(PatientCase c) {
        return new CaseFacts(c.patient(), c.cramps(), c.history(), c.symptoms(), c.conditions(), c.medications(),
                c.currentLabs());
    }

    /** The same facts with one more symptom present. */
    CaseFacts withSymptom(Symptom symptom) {
        Set<Symptom> more = symptoms.isEmpty() ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(symptoms);
        more.add(symptom);
        return new CaseFacts(patient, cramps, history, more, conditions, medications, labs);
    }

    /** The same facts with one not-recorded field set to its firing value (catalogue §11.4). */
    CaseFacts withFiringValue(CaseField field) {
        Patient p = patient;
        Cramps c = cramps;
        History h = history;
        switch (field) {
            case PREGNANCY_WEEKS -> p = new Patient(p.ageYears(), p.sex(), PREGNANCY_WEEKS, p.postpartumWeeks(), p.pregnant());
            case POSTPARTUM_WEEKS -> p = new Patient(p.ageYears(), p.sex(), p.pregnancyWeeks(), POSTPARTUM_WEEKS, p.pregnant());
            case NIGHTS_PER_WEEK -> c = new Cramps(NIGHTS_PER_WEEK, c.durationMinutes(), c.sites(), c.side(), c.weeksSinceOnset());
            case DURATION_MINUTES -> c = new Cramps(c.nightsPerWeek(), DURATION_MINUTES, c.sites(), c.side(), c.weeksSinceOnset());
            case WEEKS_SINCE_ONSET -> c = new Cramps(c.nightsPerWeek(), c.durationMinutes(), c.sites(), c.side(), WEEKS_SINCE_ONSET);
            case LONG_TRAVEL_HOURS -> h = new History(TRAVEL_HOURS, h.immobilisedLast28Days(), h.majorSurgeryLast84Days(),
                    h.strenuousExerciseLast48Hours(), h.sittingOrStandingHoursPerDay(), h.fluidIntakeLitresPerDay(),
                    h.alcoholUnitsPerWeek(), h.smoker(), h.sleepsWithToesPointedOrProne());
            case IMMOBILISED -> h = new History(h.longTravelHoursLast14Days(), true, h.majorSurgeryLast84Days(),
                    h.strenuousExerciseLast48Hours(), h.sittingOrStandingHoursPerDay(), h.fluidIntakeLitresPerDay(),
                    h.alcoholUnitsPerWeek(), h.smoker(), h.sleepsWithToesPointedOrProne());
            case MAJOR_SURGERY -> h = new History(h.longTravelHoursLast14Days(), h.immobilisedLast28Days(), true,
                    h.strenuousExerciseLast48Hours(), h.sittingOrStandingHoursPerDay(), h.fluidIntakeLitresPerDay(),
                    h.alcoholUnitsPerWeek(), h.smoker(), h.sleepsWithToesPointedOrProne());
            case STRENUOUS_EXERCISE -> h = new History(h.longTravelHoursLast14Days(), h.immobilisedLast28Days(),
                    h.majorSurgeryLast84Days(), true, h.sittingOrStandingHoursPerDay(), h.fluidIntakeLitresPerDay(),
                    h.alcoholUnitsPerWeek(), h.smoker(), h.sleepsWithToesPointedOrProne());
            default -> throw new IllegalArgumentException(field + " is not a safety input (catalogue 11.3)");
        }
        return new CaseFacts(p, c, h, symptoms, conditions, medications, labs);
    }
}
