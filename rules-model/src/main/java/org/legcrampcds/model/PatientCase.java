package org.legcrampcds.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One patient's complete, validated input (catalogue §2). An instance always satisfies every
 * validation rule of §2.7: {@link Builder#build()} rejects anything else with an
 * {@link InvalidCaseException} naming the field, and labs are already converted to their
 * canonical units. Immutable and safe to share between threads.
 */
public final class PatientCase {

    private final String id;
    private final Patient patient;
    private final Cramps cramps;
    private final History history;
    private final Set<Symptom> symptoms;
    private final Set<Condition> conditions;
    private final List<Medication> medications;
    private final List<NormalisedLab> labs;

    private PatientCase(Builder b, List<NormalisedLab> labs) {
        this.id = b.id;
        this.patient = b.patient;
        this.cramps = b.cramps;
        this.history = b.history;
        this.symptoms = EnumSets.immutableCopy(Symptom.class, b.symptoms);
        this.conditions = EnumSets.immutableCopy(Condition.class, b.conditions);
        this.medications = List.copyOf(b.medications);
        this.labs = List.copyOf(labs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The case id to echo in the result, if one was given. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public Patient patient() {
        return patient;
    }

    public Cramps cramps() {
        return cramps;
    }

    public History history() {
        return history;
    }

    /** Symptoms present, de-duplicated, in declaration order. */
    public Set<Symptom> symptoms() {
        return symptoms;
    }

    /** Conditions present, de-duplicated, in declaration order. */
    public Set<Condition> conditions() {
        return conditions;
    }

    /** Medications in input order. */
    public List<Medication> medications() {
        return medications;
    }

    /** Labs in input order, converted and rounded; at most one per test. */
    public List<NormalisedLab> labs() {
        return labs;
    }

    @Override
    public String toString() {
        // Deliberately free of patient data: cases end up in exception messages and logs.
        return "PatientCase[id=" + id + "]";
    }

    /** Collects the parts of a case; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private String id;
        private Patient patient;
        private Cramps cramps;
        private History history;
        private final List<Symptom> symptoms = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Medication> medications = new ArrayList<>();
        private final List<LabResult> labs = new ArrayList<>();

        private Builder() {
        }

        /** An optional case id echoed in the result. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder patient(Patient patient) {
            this.patient = patient;
            return this;
        }

        public Builder cramps(Cramps cramps) {
            this.cramps = cramps;
            return this;
        }

        public Builder history(History history) {
            this.history = history;
            return this;
        }

        public Builder symptom(Symptom symptom) {
            symptoms.add(Objects.requireNonNull(symptom, "symptom"));
            return this;
        }

        public Builder symptoms(Collection<Symptom> all) {
            all.forEach(this::symptom);
            return this;
        }

        public Builder condition(Condition condition) {
            conditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        public Builder conditions(Collection<Condition> all) {
            all.forEach(this::condition);
            return this;
        }

        public Builder medication(Medication medication) {
            medications.add(Objects.requireNonNull(medication, "medication"));
            return this;
        }

        public Builder lab(LabResult lab) {
            labs.add(Objects.requireNonNull(lab, "lab"));
            return this;
        }

        /**
         * Validates everything (catalogue §2.7, §2.8) and converts the labs (§2.6).
         *
         * @throws InvalidCaseException naming every field found wrong
         */
        public PatientCase build() {
            CaseValidator validator = new CaseValidator();
            validator.patient(patient);
            validator.cramps(cramps);
            validator.history(history);
            validator.medications(medications);
            List<NormalisedLab> normalised = validator.labs(labs);
            validator.throwIfInvalid();
            return new PatientCase(this, normalised);
        }
    }
}
