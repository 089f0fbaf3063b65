package org.legcrampcds.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    private PatientFixture() {
    }

    public static PatientFixture quietPatient() {
        return new PatientFixture();
    }

    public PatientFixture age(int years) { this.age = years; return this; }
    public PatientFixture sex(Sex value) { this.sex = value; return this; }
    public PatientFixture pregnantWeeks(int weeks) { this.pregnancyWeeks = weeks; return this; }
    public PatientFixture postpartumWeeks(int weeks) { this.postpartumWeeks = weeks; return this; }
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

    public PatientCase build() {
        PatientCase.Builder b = PatientCase.builder()
                .id("fixture")
                .patient(new Patient(age, sex, pregnancyWeeks, postpartumWeeks))
                .cramps(new Cramps(nightsPerWeek, new BigDecimal(durationMinutes), java.util.Set.of(CrampSite.CALF),
                        Side.BOTH, new BigDecimal(weeksSinceOnset)))
                .history(new History(new BigDecimal(travelHours), immobilised, surgery, strenuousExercise,
                        new BigDecimal(sittingHours), new BigDecimal(fluidLitres), new BigDecimal(alcoholUnits),
                        smoker, toesPointed))
                .symptoms(symptoms)
                .conditions(conditions);
        medications.forEach(b::medication);
        labs.forEach(b::lab);
        return b.build();
    }
}
