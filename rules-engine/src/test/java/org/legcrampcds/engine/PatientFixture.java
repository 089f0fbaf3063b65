package org.legcrampcds.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.legcrampcds.model.CaseField;
import org.legcrampcds.model.Condition;
import org.legcrampcds.model.CrampSite;
import org.legcrampcds.model.Cramps;
import org.legcrampcds.model.DrugClass;
import org.legcrampcds.model.History;
import org.legcrampcds.model.LabResult;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.model.Medication;
import org.legcrampcds.model.Patient;
import org.legcrampcds.model.PatientCase;
import org.legcrampcds.model.Sex;
import org.legcrampcds.model.Side;
import org.legcrampcds.model.Symptom;

/**
 * A quiet adult patient (45, no symptoms, conditions, medicines or labs, short infrequent cramps,
 * ordinary history) whose assessment is exactly the six universal self-care codes; each test
 * changes only what its rule needs. Shared with rules-examples through the test-jar.
 */
public final class PatientFixture {

    private int age = 45;
    private Sex sex = Sex.FEMALE;
    private Integer pregnancyWeeks;
    private Integer postpartumWeeks;
    private Boolean pregnant;
    private int nightsPerWeek = 1;
    private String durationMinutes = "2";
    private String weeksSinceOnset = "2";
    private String travelHours = "0";
    private boolean immobilised;
    private boolean surgery;
    private boolean strenuousExercise;
    private String sittingHours = "4";
    private String fluidLitres = "1.8";
    private String alcoholUnits = "2";
    private boolean smoker;
    private boolean toesPointed;
    private final List<Symptom> symptoms = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Medication> medications = new ArrayList<>();
    private final List<LabResult> labs = new ArrayList<>();
    private final List<String> notRecorded = new ArrayList<>();

    private PatientFixture() {
    }

    public static PatientFixture quietPatient() {
        return new PatientFixture();
    }

    public PatientFixture age(int years) { this.age = years; return this; }
    public PatientFixture sex(Sex value) { this.sex = value; return this; }
    public PatientFixture pregnantWeeks(int weeks) { this.pregnancyWeeks = weeks; return this; }
    public PatientFixture postpartumWeeks(int weeks) { this.postpartumWeeks = weeks; return this; }
    /** {@code patient.pregnant}: true with the weeks unknown, or false (catalogue v2.2). */
    public PatientFixture pregnant(boolean value) { this.pregnant = value; return this; }
    public PatientFixture nightsPerWeek(int nights) { this.nightsPerWeek = nights; return this; }
    public PatientFixture durationMinutes(String minutes) { this.durationMinutes = minutes; return this; }
    public PatientFixture weeksSinceOnset(String weeks) { this.weeksSinceOnset = weeks; return this; }
    public PatientFixture travelHours(String hours) { this.travelHours = hours; return this; }
    public PatientFixture immobilised() { this.immobilised = true; return this; }
    public PatientFixture majorSurgery() { this.surgery = true; return this; }
    public PatientFixture strenuousExercise() { this.strenuousExercise = true; return this; }
    public PatientFixture sittingHours(String hours) { this.sittingHours = hours; return this; }
    public PatientFixture fluidLitres(String litres) { this.fluidLitres = litres; return this; }
    public PatientFixture alcoholUnits(String units) { this.alcoholUnits = units; return this; }
    public PatientFixture smoker() { this.smoker = true; return this; }
    public PatientFixture toesPointed() { this.toesPointed = true; return this; }

    public PatientFixture symptoms(Symptom... values) { symptoms.addAll(List.of(values)); return this; }
    public PatientFixture conditions(Condition... values) { conditions.addAll(List.of(values)); return this; }

    public PatientFixture medication(String name, DrugClass drugClass) {
        return medication(name, drugClass, null);
    }

    public PatientFixture medication(String name, DrugClass drugClass, Integer startedDaysAgo) {
        medications.add(new Medication(name, drugClass, startedDaysAgo));
        return this;
    }

    public PatientFixture lab(LabTest test, String value, String unit) {
        labs.add(new LabResult(test, new BigDecimal(value), unit));
        return this;
    }

    public PatientFixture lab(LabTest test, String value, String unit, String upperLimitOfNormal) {
        labs.add(new LabResult(test, new BigDecimal(value), unit, new BigDecimal(upperLimitOfNormal)));
        return this;
    }

    /** A lab taken {@code daysSinceTaken} days ago (catalogue §12). */
    public PatientFixture labTaken(LabTest test, String value, String unit, int daysSinceTaken) {
        labs.add(new LabResult(test, new BigDecimal(value), unit, null, daysSinceTaken));
        return this;
    }

    /**
     * Lists inputs as not recorded, as a case's {@code notRecorded} writes them (catalogue §11.1); the
     * fixture then leaves those fields out.
     */
    public PatientFixture notRecorded(String... entries) {
        notRecorded.addAll(List.of(entries));
        return this;
    }

    public PatientCase build() {
        PatientCase.Builder b = PatientCase.builder()
                .id("fixture")
                .patient(new Patient(age, sex, pregnancyWeeks, postpartumWeeks, pregnant))
                .cramps(new Cramps(ifRecorded(CaseField.NIGHTS_PER_WEEK, nightsPerWeek),
                        ifRecorded(CaseField.DURATION_MINUTES, new BigDecimal(durationMinutes)),
                        ifRecorded(CaseField.SITES, java.util.Set.of(CrampSite.CALF)), ifRecorded(CaseField.SIDE, Side.BOTH),
                        ifRecorded(CaseField.WEEKS_SINCE_ONSET, new BigDecimal(weeksSinceOnset))))
                .history(new History(ifRecorded(CaseField.LONG_TRAVEL_HOURS, new BigDecimal(travelHours)),
                        ifRecorded(CaseField.IMMOBILISED, immobilised), ifRecorded(CaseField.MAJOR_SURGERY, surgery),
                        ifRecorded(CaseField.STRENUOUS_EXERCISE, strenuousExercise),
                        ifRecorded(CaseField.SITTING_OR_STANDING_HOURS, new BigDecimal(sittingHours)),
                        ifRecorded(CaseField.FLUID_INTAKE, new BigDecimal(fluidLitres)),
                        ifRecorded(CaseField.ALCOHOL_UNITS, new BigDecimal(alcoholUnits)),
                        ifRecorded(CaseField.SMOKER, smoker), ifRecorded(CaseField.SLEEPS_WITH_TOES_POINTED, toesPointed)))
                .symptoms(symptoms)
                .conditions(conditions);
        medications.forEach(b::medication);
        labs.forEach(b::lab);
        notRecorded.forEach(b::notRecorded);
        return b.build();
    }

    /** The value, or null when the fixture lists the field (or its whole group) as not recorded. */
    private <T> T ifRecorded(CaseField field, T value) {
        boolean listed = notRecorded.contains(field.path()) || notRecorded.contains(field.group() + ".*");
        return listed ? null : value;
    }
}
