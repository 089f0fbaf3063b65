package org.legcrampcds.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One patient's validated input (catalogue §2), complete or partial (§11). An instance always
 * satisfies every validation rule of §2.7: {@link Builder#build()} rejects anything else with an
 * {@link InvalidCaseException} naming the field, and labs are already converted to their
 * canonical units. An input the record does not state is held as not recorded
 * ({@link #notRecordedFields()}, {@link #notRecordedSymptoms()}), never as false or zero.
 * Immutable and safe to share between threads.
 */
public final class PatientCase {

    private final @Nullable String id;
    private final Patient patient;
    private final Cramps cramps;
    private final History history;
    private final Set<Symptom> symptoms;
    private final Set<Condition> conditions;
    private final List<Medication> medications;
    private final List<NormalisedLab> labs;
    private final NotRecordedInputs notRecorded;

    private PatientCase(Builder b, List<NormalisedLab> labs, NotRecordedInputs notRecorded) {
        this.id = b.id;
        this.patient = Objects.requireNonNull(b.patient, "patient"); // build() has rejected a case without one
        this.cramps = b.cramps == null ? Cramps.NOT_RECORDED : b.cramps;
        this.history = b.history == null ? History.NOT_RECORDED : b.history;
        this.symptoms = EnumSets.immutableCopy(Symptom.class, b.symptoms);
        this.conditions = EnumSets.immutableCopy(Condition.class, b.conditions);
        this.medications = List.copyOf(b.medications);
        this.labs = List.copyOf(labs);
        this.notRecorded = notRecorded;
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

    /** The cramps; a field is null exactly when it is not recorded. */
    public Cramps cramps() {
        return cramps;
    }

    /** The history; a field is null exactly when it is not recorded. */
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

    /** Every lab in input order, converted and rounded, current or stale; at most one per test. */
    public List<NormalisedLab> labs() {
        return labs;
    }

    /** The labs the rules read: those within their freshness window (catalogue §12). */
    public List<NormalisedLab> currentLabs() {
        return labs.stream().filter(lab -> !lab.isStale()).toList();
    }

    /** The labs set aside as older than their window, by test name (catalogue §12). */
    public List<StaleLab> staleLabs() {
        return labs.stream().filter(NormalisedLab::isStale)
                .map(lab -> new StaleLab(lab.test(), Objects.requireNonNull(lab.daysSinceTaken()), lab.test().freshnessDays())) // stale: dated
                .sorted(Comparator.comparing(stale -> stale.test().name()))
                .toList();
    }

    /** The fields of patient, cramps and history that the record does not state (catalogue §11.1). */
    public Set<CaseField> notRecordedFields() {
        return notRecorded.fields();
    }

    /** The symptoms not asked about, {@code symptoms.*} expanded (catalogue §11.1). */
    public Set<Symptom> notRecordedSymptoms() {
        return notRecorded.symptoms();
    }

    /** {@code false} exactly when the case lists at least one input as not recorded (catalogue §11.4). */
    public boolean isRecordComplete() {
        return !notRecorded.listed();
    }

    /**
     * Whether every input a red flag or safety interlock reads is recorded (catalogue §11.3); self-care
     * advice is given only then.
     */
    public boolean safetyInputsRecorded() {
        return notRecorded.fields().stream().noneMatch(CaseField::isSafetyInput)
                && notRecorded.symptoms().stream().noneMatch(Symptom::isSafetyInput);
    }

    /**
     * The not-recorded inputs as single entries, {@code *} expanded, in catalogue order: the fields,
     * then {@code symptoms.CODE} for each symptom not asked about.
     */
    public List<String> notRecorded() {
        List<String> entries = new ArrayList<>();
        notRecorded.fields().forEach(f -> entries.add(f.path()));
        notRecorded.symptoms().forEach(s -> entries.add("symptoms." + s.name()));
        return List.copyOf(entries);
    }

    @Override
    public String toString() {
        // Deliberately free of patient data: cases end up in exception messages and logs.
        return "PatientCase[id=" + id + "]";
    }

    /**
     * Collects the parts of a case; {@link #build()} validates them all at once. A reader of a source
     * format (case JSON, FHIR) reports the structural problems only it can see through
     * {@link #inputError} and says how model paths are named in its format with {@link #locatedBy};
     * the semantic checks then run here, the same for every format. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable Patient patient;
        private @Nullable Cramps cramps;
        private @Nullable History history;
        private final List<Symptom> symptoms = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Medication> medications = new ArrayList<>();
        private final List<LabResult> labs = new ArrayList<>();
        private final List<String> notRecorded = new ArrayList<>();
        private final List<ValidationError> inputErrors = new ArrayList<>();
        private final List<ValidationError> sourceErrors = new ArrayList<>();
        private FieldLocator locator = FieldLocator.CASE_JSON;

        private Builder() {
        }

        /** An optional case id echoed in the result. */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        public Builder patient(@Nullable Patient patient) {
            this.patient = patient;
            return this;
        }

        /** The cramps; may be left unset when all five fields are not recorded. */
        public Builder cramps(@Nullable Cramps cramps) {
            this.cramps = cramps;
            return this;
        }

        /** The history; may be left unset when all nine fields are not recorded. */
        public Builder history(@Nullable History history) {
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
         * Lists an input as not recorded, as a case's {@code notRecorded} array writes it (catalogue
         * §11.1): {@code cramps.nightsPerWeek}, {@code history.*}, {@code symptoms.CHEST_PAIN},
         * {@code symptoms.*}, or the pair {@code patient.pregnancyWeeks} and
         * {@code patient.postpartumWeeks}. An entry that names no input is reported by {@link #build()}
         * at {@code notRecorded[i]}, in the order the entries were given.
         */
        public Builder notRecorded(String entry) {
            notRecorded.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Lists one field as not recorded. */
        public Builder notRecorded(CaseField field) {
            return notRecorded(field.path());
        }

        /** Lists pregnancy and postpartum status as not recorded (they always go together). */
        public Builder pregnancyNotRecorded() {
            return notRecorded(CaseField.PREGNANCY_WEEKS).notRecorded(CaseField.POSTPARTUM_WEEKS);
        }

        /** Lists one symptom as not asked about. */
        public Builder symptomNotRecorded(Symptom symptom) {
            return notRecorded("symptoms." + symptom.name());
        }

        /** Lists every symptom not given as present as not asked about ({@code symptoms.*}). */
        public Builder otherSymptomsNotRecorded() {
            return notRecorded(NotRecordedInputs.ALL_SYMPTOMS);
        }

        /**
         * How the source format names the model's paths in its errors; the case-JSON paths by default.
         */
        public Builder locatedBy(FieldLocator locator) {
            this.locator = Objects.requireNonNull(locator, "locator");
            return this;
        }

        /**
         * Reports a structural problem the reader of the source format found (a wrong type, a missing or
         * unknown key), at a path of the case model. The semantic checks do not report that field again,
         * nor anything inside it.
         */
        public Builder inputError(String modelPath, Diagnostic diagnostic, String reason) {
            inputErrors.add(new ValidationError(modelPath, diagnostic, reason));
            return this;
        }

        /**
         * Reports a problem at a place that only the source format has (for example the FHIR Bundle
         * itself), already located in that format's terms.
         */
        public Builder sourceError(String location, Diagnostic diagnostic, String reason) {
            sourceErrors.add(new ValidationError(location, diagnostic, reason));
            return this;
        }

        /**
         * Validates everything (catalogue §2.7, §2.8, §11.1) and converts the labs (§2.6).
         *
         * @throws InvalidCaseException naming every field found wrong, source-format problems first,
         *                              then structural, then semantic ones
         */
        public PatientCase build() {
            CaseValidator validator = new CaseValidator();
            NotRecordedInputs parsed = NotRecordedInputs.parse(notRecorded, EnumSets.immutableCopy(Symptom.class, symptoms),
                    validator);
            validator.patient(patient, parsed);
            validator.cramps(cramps, parsed);
            validator.history(history, parsed);
            validator.symptoms(symptoms, notRecorded);
            validator.medications(medications);
            List<NormalisedLab> normalised = validator.labs(labs);
            List<ValidationError> errors = new ArrayList<>(sourceErrors);
            inputErrors.forEach(e -> errors.add(located(e)));
            validator.errors().stream().filter(this::notAlreadyExplained).forEach(e -> errors.add(located(e)));
            if (!errors.isEmpty()) {
                throw new InvalidCaseException(errors);
            }
            return new PatientCase(this, normalised, parsed);
        }

        private ValidationError located(ValidationError error) {
            return new ValidationError(locator.locate(error.field()), error.diagnostic(), error.reason());
        }

        /**
         * Whether a semantic error is news. A field the reader already reported reached the model as
         * null or absent, so the model's view of it, of anything inside it, and of a list one of whose
         * elements was rejected ("must name at least one site") would only repeat the error.
         */
        private boolean notAlreadyExplained(ValidationError semantic) {
            String field = semantic.field();
            for (ValidationError reported : inputErrors) {
                String path = reported.field();
                if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")
                        || path.startsWith(field + "[")) {
                    return false;
                }
            }
            return true;
        }
    }
}
