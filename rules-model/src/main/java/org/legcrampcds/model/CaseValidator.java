package org.legcrampcds.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic checks of catalogue §2.7 on typed input, each error naming its JSON path.
 * Structural checks (unknown keys, wrong JSON types, fractional integers) belong to whatever
 * reads the input format.
 */
final class CaseValidator {

    static final String MISSING_FIELD = "missing field";

    private final List<ValidationError> errors = new ArrayList<>();

    void patient(Patient patient) {
        if (patient == null) {
            error("patient", "missing object");
            return;
        }
        intRange("patient.ageYears", patient.ageYears(), 18, 120);
        required("patient.sex", patient.sex());
        if (patient.pregnancyWeeks() != null) {
            intRange("patient.pregnancyWeeks", patient.pregnancyWeeks(), 1, 42);
        }
        if (patient.postpartumWeeks() != null) {
            intRange("patient.postpartumWeeks", patient.postpartumWeeks(), 0, 52);
        }
        if (patient.pregnancyWeeks() != null && patient.postpartumWeeks() != null) {
            error("patient", "contradictory pregnancy state");
        }
    }

    void cramps(Cramps cramps) {
        if (cramps == null) {
            error("cramps", "missing object");
            return;
        }
        intRange("cramps.nightsPerWeek", cramps.nightsPerWeek(), 0, 7);
        if (required("cramps.durationMinutes", cramps.durationMinutes())
                && (cramps.durationMinutes().signum() <= 0 || cramps.durationMinutes().compareTo(BigDecimal.valueOf(240)) > 0)) {
            error("cramps.durationMinutes", "out of range: must be greater than 0 and at most 240");
        }
        if (required("cramps.sites", cramps.sites()) && cramps.sites().isEmpty()) {
            error("cramps.sites", "out of range: must name at least one site");
        }
        required("cramps.side", cramps.side());
        decimalRange("cramps.weeksSinceOnset", cramps.weeksSinceOnset(), 0, 5200);
    }

    void history(History history) {
        if (history == null) {
            error("history", "missing object");
            return;
        }
        decimalRange("history.longTravelHoursLast14Days", history.longTravelHoursLast14Days(), 0, 336);
        decimalRange("history.sittingOrStandingHoursPerDay", history.sittingOrStandingHoursPerDay(), 0, 24);
        decimalRange("history.fluidIntakeLitresPerDay", history.fluidIntakeLitresPerDay(), 0, 15);
        decimalRange("history.alcoholUnitsPerWeek", history.alcoholUnitsPerWeek(), 0, 500);
    }

    void medications(List<Medication> medications) {
        for (int i = 0; i < medications.size(); i++) {
            Medication m = medications.get(i);
            String path = "medications[" + i + "]";
            if (m.name() == null || m.name().isBlank()) {
                error(path + ".name", MISSING_FIELD);
            }
            if (required(path + ".drugClass", m.drugClass()) && m.name() != null) {
                Optional<DrugClass> listed = GenericDrugNames.requiredClass(m.name());
                if (listed.isPresent() && listed.get() != m.drugClass()) {
                    error(path + ".drugClass", "must be " + listed.get());
                }
            }
            if (m.startedDaysAgo() != null) {
                intRange(path + ".startedDaysAgo", m.startedDaysAgo(), 0, 36500);
            }
        }
    }

    /** Converts each lab (§2.6); returns only those that converted cleanly. */
    List<NormalisedLab> labs(List<LabResult> labs) {
        List<NormalisedLab> normalised = new ArrayList<>();
        Set<LabTest> seen = EnumSet.noneOf(LabTest.class);
        for (int i = 0; i < labs.size(); i++) {
            LabResult lab = labs.get(i);
            String path = "labs[" + i + "]";
            boolean complete = required(path + ".test", lab.test())
                    & required(path + ".value", lab.value())
                    & required(path + ".unit", lab.unit());
            if (lab.test() != null && !seen.add(lab.test())) {
                error(path + ".test", "duplicate lab test");
                continue;
            }
            if (!complete) {
                continue;
            }
            LabTest test = lab.test();
            BigDecimal uln = lab.upperLimitOfNormal();
            if (uln != null && !test.acceptsUpperLimitOfNormal()) {
                error(path, "upperLimitOfNormal not allowed for " + test);
                continue;
            }
            if (uln != null && uln.signum() <= 0) {
                error(path + ".upperLimitOfNormal", "out of range: must be greater than 0");
                continue;
            }
            if (!test.accepts(lab.unit())) {
                error(path + ".unit", "unsupported unit '" + lab.unit() + "' for " + test);
                continue;
            }
            BigDecimal canonical = test.toCanonical(lab.value(), lab.unit());
            if (!test.isPlausible(canonical)) {
                error(path + ".value", "implausible value: " + canonical.toPlainString() + " " + test.canonicalUnit()
                        + " is outside " + test.plausibleMin().toPlainString() + "-" + test.plausibleMax().toPlainString());
                continue;
            }
            BigDecimal canonicalUln = uln == null ? null : test.toCanonicalUnrounded(uln, lab.unit());
            normalised.add(new NormalisedLab(test, canonical, canonicalUln, lab));
        }
        return normalised;
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidCaseException(errors);
        }
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            error(path, MISSING_FIELD);
            return false;
        }
        return true;
    }

    private void intRange(String path, int value, int min, int max) {
        if (value < min || value > max) {
            error(path, "out of range: must be an integer between " + min + " and " + max);
        }
    }

    private void decimalRange(String path, BigDecimal value, int min, int max) {
        if (required(path, value) && (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0)) {
            error(path, "out of range: must be between " + min + " and " + max);
        }
    }

    private void error(String path, String reason) {
        errors.add(new ValidationError(path, reason));
    }
}
