package org.legcrampcds.cdshooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The prefetch keys every service advertises (interfaces.md §7), each a FHIR query on the context's
 * patient. The same query, with the patient id filled in, is what the service asks the EHR's FHIR
 * server for when the CDS client did not prefetch it.
 */
enum PrefetchKey {
    PATIENT("patient", "Patient/{{context.patientId}}"),
    CONDITIONS("conditions", "Condition?patient={{context.patientId}}"),
    OBSERVATIONS("observations", "Observation?patient={{context.patientId}}&code="),
    MEDICATION_STATEMENTS("medicationStatements", "MedicationStatement?patient={{context.patientId}}"),
    MEDICATION_REQUESTS("medicationRequests", "MedicationRequest?patient={{context.patientId}}"),
    QUESTIONNAIRE_RESPONSES("questionnaireResponses", "QuestionnaireResponse?patient={{context.patientId}}"),
    PROCEDURES("procedures", "Procedure?patient={{context.patientId}}");

    static final String PATIENT_ID = "{{context.patientId}}";

    private final String key;
    private final String template;

    PrefetchKey(String key, String template) {
        this.key = key;
        this.template = template;
    }

    String key() {
        return key;
    }

    /**
     * The prefetch template as discovery shows it; the observation search lists every code the
     * mapping reads, so that the EHR sends nothing the service would not use.
     */
    String template(List<String> observationCodes) {
        return this == OBSERVATIONS ? template + String.join(",", observationCodes) : template;
    }

    static Optional<PrefetchKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
