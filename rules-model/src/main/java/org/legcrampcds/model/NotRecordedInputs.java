package org.legcrampcds.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case's {@code notRecorded} list (catalogue §11.1), parsed: the single fields it names, with
 * {@code cramps.*} and {@code history.*} expanded, and the symptoms not asked about, with
 * {@code symptoms.*} expanded to every symptom the case does not list as present.
 */
final class NotRecordedInputs {

    static final String ALL_SYMPTOMS = "symptoms.*";
    private static final String SYMPTOM_PREFIX = "symptoms.";
    private static final String ALL_SUFFIX = ".*";

    private final Set<CaseField> fields;
    private final Set<Symptom> symptoms;
    private final boolean listed;

    private NotRecordedInputs(Set<CaseField> fields, Set<Symptom> symptoms, boolean listed) {
        this.fields = Collections.unmodifiableSet(fields);
        this.symptoms = Collections.unmodifiableSet(symptoms);
        this.listed = listed;
    }

    /**
     * Parses the entries; each entry that names no input is reported at {@code notRecorded[i]}.
     *
     * @param present the symptoms the case lists as present, for the expansion of {@code symptoms.*}
     */
    static NotRecordedInputs parse(List<String> entries, Set<Symptom> present, CaseValidator errors) {
        Set<CaseField> fields = EnumSet.noneOf(CaseField.class);
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (ALL_SYMPTOMS.equals(entry)) {
                EnumSet.allOf(Symptom.class).stream().filter(s -> !present.contains(s)).forEach(symptoms::add);
            } else if (entry.startsWith(SYMPTOM_PREFIX) && symptom(entry.substring(SYMPTOM_PREFIX.length())).isPresent()) {
                symptoms.add(symptom(entry.substring(SYMPTOM_PREFIX.length())).get());
            } else if (entry.endsWith(ALL_SUFFIX) && isGroupWithAll(entry)) {
                fields.addAll(CaseField.inGroup(entry.substring(0, entry.length() - ALL_SUFFIX.length())));
            } else if (CaseField.ofPath(entry).isPresent()) {
                fields.add(CaseField.ofPath(entry).get());
            } else {
                errors.error("notRecorded[" + i + "]", InputDiagnostic.UNKNOWN_NOT_RECORDED_INPUT,
                        "unknown input '" + entry + "'");
            }
        }
        if (fields.contains(CaseField.PREGNANCY_WEEKS) != fields.contains(CaseField.POSTPARTUM_WEEKS)) {
            errors.error("notRecorded", InputDiagnostic.PREGNANCY_NOT_RECORDED_ALONE,
                    "pregnancy and postpartum status go together");
        }
        return new NotRecordedInputs(fields, symptoms, !entries.isEmpty());
    }

    /** Fields not recorded. */
    Set<CaseField> fields() {
        return fields;
    }

    /** Symptoms not asked about, {@code symptoms.*} expanded. */
    Set<Symptom> symptoms() {
        return symptoms;
    }

    /** Whether the case listed anything as not recorded (§11.4: then the record is not complete). */
    boolean listed() {
        return listed;
    }

    boolean contains(CaseField field) {
        return fields.contains(field);
    }

    boolean anyInGroup(String group) {
        return fields.stream().anyMatch(f -> f.group().equals(group));
    }

    private static boolean isGroupWithAll(String entry) {
        String group = entry.substring(0, entry.length() - ALL_SUFFIX.length());
        return group.equals("cramps") || group.equals("history");
    }

    private static Optional<Symptom> symptom(String name) {
        for (Symptom symptom : Symptom.values()) {
            if (symptom.name().equals(name)) {
                return Optional.of(symptom);
            }
        }
        return Optional.empty();
    }
}
