package org.legcrampcds.model;

import static org.legcrampcds.model.InputDiagnostic.CONTRADICTORY_PREGNANCY;
import static org.legcrampcds.model.InputDiagnostic.DRUG_CLASS_MISMATCH;
import static org.legcrampcds.model.InputDiagnostic.DUPLICATE_LAB_TEST;
import static org.legcrampcds.model.InputDiagnostic.IMPLAUSIBLE_VALUE;
import static org.legcrampcds.model.InputDiagnostic.MISSING;
import static org.legcrampcds.model.InputDiagnostic.NOT_RECORDED_HAS_VALUE;
import static org.legcrampcds.model.InputDiagnostic.OUT_OF_RANGE;
import static org.legcrampcds.model.InputDiagnostic.UNSUPPORTED_UNIT;
import static org.legcrampcds.model.InputDiagnostic.UPPER_LIMIT_NOT_ALLOWED;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The semantic checks of catalogue §2.7 and §11.1 on typed input, each error naming its path in the
 * case model (the case-JSON path). Structural checks (unknown keys, wrong JSON types, fractional
 * integers) belong to whatever reads the input format and reach the model as input errors of
 * {@link PatientCase.Builder}.
 */
final class CaseValidator {

    static final String MISSING_FIELD = "missing field";
    static final String MISSING_OBJECT = "missing object";
    private static final String HAS_VALUE = "listed as not recorded but has a value";

    private final List<ValidationError> errors = new ArrayList<>();

    void patient(@Nullable Patient patient, NotRecordedInputs notRecorded) {
        if (patient == null) {
            error("patient", MISSING, MISSING_OBJECT);
            return;
        }
        if (patient.ageYears() == null) {
            error("patient.ageYears", MISSING, MISSING_FIELD);
        } else {
            intRange("patient.ageYears", patient.ageYears(), IntRange.AGE_YEARS);
        }
        required("patient.sex", patient.sex());
        if (notRecorded.contains(CaseField.PREGNANCY_WEEKS)) {
            notRecordedHasNoValue(CaseField.PREGNANCY_WEEKS, patient.pregnancyWeeks());
            notRecordedHasNoValue(CaseField.POSTPARTUM_WEEKS, patient.postpartumWeeks());
            if (patient.pregnant() != null) {
                error("patient.pregnant", NOT_RECORDED_HAS_VALUE, HAS_VALUE);
            }
        }
        if (patient.pregnancyWeeks() != null) {
            intRange("patient.pregnancyWeeks", patient.pregnancyWeeks(), IntRange.PREGNANCY_WEEKS);
        }
        if (patient.postpartumWeeks() != null) {
            intRange("patient.postpartumWeeks", patient.postpartumWeeks(), IntRange.POSTPARTUM_WEEKS);
        }
        boolean bothSet = patient.pregnancyWeeks() != null && patient.postpartumWeeks() != null;
        boolean notPregnantWithWeeks = Boolean.FALSE.equals(patient.pregnant()) && patient.pregnancyWeeks() != null;
        boolean pregnantPostpartum = Boolean.TRUE.equals(patient.pregnant()) && patient.postpartumWeeks() != null;
        if (bothSet || notPregnantWithWeeks || pregnantPostpartum) {
            error("patient", CONTRADICTORY_PREGNANCY, "contradictory pregnancy state");
        }
    }

    void cramps(@Nullable Cramps cramps, NotRecordedInputs notRecorded) {
        if (!group("cramps", cramps, notRecorded) || cramps == null) { // group is false for null: said again for NullAway
            return;
        }
        checkGroup(notRecorded, fieldValues(cramps));
        range(CaseField.NIGHTS_PER_WEEK, cramps.nightsPerWeek());
        range(CaseField.DURATION_MINUTES, cramps.durationMinutes());
        if (cramps.sites() != null && cramps.sites().isEmpty()) {
            error("cramps.sites", OUT_OF_RANGE, "out of range: must name at least one site");
        }
        range(CaseField.WEEKS_SINCE_ONSET, cramps.weeksSinceOnset());
    }

    void history(@Nullable History history, NotRecordedInputs notRecorded) {
        if (!group("history", history, notRecorded) || history == null) { // as above
            return;
        }
        checkGroup(notRecorded, fieldValues(history));
        range(CaseField.LONG_TRAVEL_HOURS, history.longTravelHoursLast14Days());
        range(CaseField.SITTING_OR_STANDING_HOURS, history.sittingOrStandingHoursPerDay());
        range(CaseField.FLUID_INTAKE, history.fluidIntakeLitresPerDay());
        range(CaseField.ALCOHOL_UNITS, history.alcoholUnitsPerWeek());
    }

    /** A symptom both present and listed as not asked about (§2.7) is reported at its index. */
    void symptoms(List<Symptom> symptoms, List<String> notRecordedEntries) {
        Set<Symptom> reported = EnumSet.noneOf(Symptom.class);
        for (int i = 0; i < symptoms.size(); i++) {
            Symptom symptom = symptoms.get(i);
            if (reported.add(symptom) && notRecordedEntries.contains("symptoms." + symptom.name())) {
                error("symptoms[" + i + "]", NOT_RECORDED_HAS_VALUE, HAS_VALUE);
            }
        }
    }

    void medications(List<Medication> medications) {
        for (int i = 0; i < medications.size(); i++) {
            Medication m = medications.get(i);
            String path = "medications[" + i + "]";
            if (m.name() == null || m.name().isBlank()) {
                error(path + ".name", MISSING, MISSING_FIELD);
            }
            if (required(path + ".drugClass", m.drugClass()) && m.name() != null) {
                Optional<DrugClass> listed = GenericDrugNames.requiredClass(m.name());
                if (listed.isPresent() && listed.get() != m.drugClass()) {
                    error(path + ".drugClass", DRUG_CLASS_MISMATCH, "must be " + listed.get());
                }
            }
            if (m.startedDaysAgo() != null) {
                intRange(path + ".startedDaysAgo", m.startedDaysAgo(), IntRange.STARTED_DAYS_AGO);
            }
        }
    }

    /** Converts each lab (§2.6); returns only those that converted cleanly. Stale labs are converted too (§12). */
    List<NormalisedLab> labs(List<LabResult> labs) {
        List<NormalisedLab> normalised = new ArrayList<>();
        Set<LabTest> seen = EnumSet.noneOf(LabTest.class);
        for (int i = 0; i < labs.size(); i++) {
            LabResult lab = labs.get(i);
            String path = "labs[" + i + "]";
            @SuppressWarnings("ShortCircuitBoolean") // & on purpose: every missing field is reported, not only the first
            boolean complete = required(path + ".test", lab.test())
                    & required(path + ".value", lab.value())
                    & required(path + ".unit", lab.unit());
            if (lab.test() != null && !seen.add(lab.test())) {
                error(path + ".test", DUPLICATE_LAB_TEST, "duplicate lab test");
                continue;
            }
            if (lab.daysSinceTaken() != null) {
                intRange(path + ".daysSinceTaken", lab.daysSinceTaken(), IntRange.DAYS_SINCE_TAKEN);
            }
            if (!complete) {
                continue;
            }
            LabTest test = lab.test();
            BigDecimal uln = lab.upperLimitOfNormal();
            if (uln != null && !test.acceptsUpperLimitOfNormal()) {
                error(path, UPPER_LIMIT_NOT_ALLOWED, "upperLimitOfNormal not allowed for " + test);
                continue;
            }
            if (uln != null && uln.signum() <= 0) {
                error(path + ".upperLimitOfNormal", OUT_OF_RANGE, "out of range: must be greater than 0");
                continue;
            }
            if (!test.accepts(lab.unit())) {
                error(path + ".unit", UNSUPPORTED_UNIT, "unsupported unit '" + lab.unit() + "' for " + test
                        + " (accepted: " + String.join(", ", test.acceptedUnits()) + ")");
                continue;
            }
            BigDecimal canonical = test.toCanonical(lab.value(), lab.unit());
            if (!test.isPlausible(canonical)) {
                error(path + ".value", IMPLAUSIBLE_VALUE, "implausible value: " + canonical.toPlainString() + " "
                        + test.canonicalUnit() + " is outside " + test.plausibleMin().toPlainString() + "-"
                        + test.plausibleMax().toPlainString());
                continue;
            }
            BigDecimal canonicalUln = uln == null ? null : test.toCanonicalUnrounded(uln, lab.unit());
            normalised.add(new NormalisedLab(test, canonical, canonicalUln, lab));
        }
        return normalised;
    }

    List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    void error(String path, InputDiagnostic diagnostic, String reason) {
        errors.add(new ValidationError(path, diagnostic, reason));
    }

    /**
     * Whether a group object can be checked field by field. Absent is allowed when the case lists
     * fields of the group as not recorded (then each unlisted field is missing), else it is a
     * missing object.
     */
    private boolean group(String name, @Nullable Object object, NotRecordedInputs notRecorded) {
        if (object != null) {
            return true;
        }
        if (!notRecorded.anyInGroup(name)) {
            error(name, MISSING, MISSING_OBJECT);
            return false;
        }
        for (CaseField field : CaseField.inGroup(name)) {
            if (!notRecorded.contains(field)) {
                error(field.path(), MISSING, MISSING_FIELD);
            }
        }
        return false;
    }

    /** Every field of a group: a listed one must have no value, an unlisted one must have one (§2.7, §11.1). */
    private void checkGroup(NotRecordedInputs notRecorded, Map<CaseField, Object> values) {
        for (Map.Entry<CaseField, Object> entry : values.entrySet()) {
            CaseField field = entry.getKey();
            Object value = entry.getValue();
            if (notRecorded.contains(field)) {
                notRecordedHasNoValue(field, value);
            } else if (value == null) {
                error(field.path(), MISSING, MISSING_FIELD);
            }
        }
    }

    private void notRecordedHasNoValue(CaseField field, @Nullable Object value) {
        if (value != null) {
            error(field.path(), NOT_RECORDED_HAS_VALUE, HAS_VALUE);
        }
    }

    private static Map<CaseField, Object> fieldValues(Cramps c) {
        Map<CaseField, Object> values = new EnumMap<>(CaseField.class);
        values.put(CaseField.NIGHTS_PER_WEEK, c.nightsPerWeek());
        values.put(CaseField.DURATION_MINUTES, c.durationMinutes());
        values.put(CaseField.SITES, c.sites());
        values.put(CaseField.SIDE, c.side());
        values.put(CaseField.WEEKS_SINCE_ONSET, c.weeksSinceOnset());
        return values;
    }

    private static Map<CaseField, Object> fieldValues(History h) {
        Map<CaseField, Object> values = new EnumMap<>(CaseField.class);
        values.put(CaseField.LONG_TRAVEL_HOURS, h.longTravelHoursLast14Days());
        values.put(CaseField.IMMOBILISED, h.immobilisedLast28Days());
        values.put(CaseField.MAJOR_SURGERY, h.majorSurgeryLast84Days());
        values.put(CaseField.STRENUOUS_EXERCISE, h.strenuousExerciseLast48Hours());
        values.put(CaseField.SITTING_OR_STANDING_HOURS, h.sittingOrStandingHoursPerDay());
        values.put(CaseField.FLUID_INTAKE, h.fluidIntakeLitresPerDay());
        values.put(CaseField.ALCOHOL_UNITS, h.alcoholUnitsPerWeek());
        values.put(CaseField.SMOKER, h.smoker());
        values.put(CaseField.SLEEPS_WITH_TOES_POINTED, h.sleepsWithToesPointedOrProne());
        return values;
    }

    private boolean required(String path, @Nullable Object value) {
        if (value == null) {
            error(path, MISSING, MISSING_FIELD);
            return false;
        }
        return true;
    }

    private void intRange(String path, int value, IntRange range) {
        if (!range.contains(value)) {
            error(path, OUT_OF_RANGE, range.reason());
        }
    }

    /** A field in its range ({@link CaseField#rangeProblem}); null has already been judged (missing or not recorded). */
    private void range(CaseField field, @Nullable Number value) {
        if (value != null) {
            field.rangeProblem(value).ifPresent(reason -> error(field.path(), OUT_OF_RANGE, reason));
        }
    }
}
