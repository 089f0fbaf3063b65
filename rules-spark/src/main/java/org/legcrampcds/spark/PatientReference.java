package org.legcrampcds.spark;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The id of the Patient a resource belongs to, from its {@code subject} reference (Condition,
 * Observation, the medication resources, QuestionnaireResponse, Procedure) or its {@code patient}
 * reference (other types). Relative ({@code Patient/123}), absolute
 * ({@code https://ehr.example.org/fhir/Patient/123}) and versioned ({@code Patient/123/_history/2})
 * references are understood; a reference to anything else (a Group, a contained resource) is none.
 */
final class PatientReference {

    private static final String PATIENT = "Patient/";

    private PatientReference() {
    }

    /** @return the Patient id, or null when the resource refers to no Patient */
    static String idOf(JsonNode resource) {
        String id = idIn(resource.path("subject").path("reference"));
        return id != null ? id : idIn(resource.path("patient").path("reference"));
    }

    private static String idIn(JsonNode reference) {
        if (!reference.isTextual()) {
            return null;
        }
        String text = reference.textValue();
        int at = text.startsWith(PATIENT) ? 0 : text.lastIndexOf("/" + PATIENT) + 1;
        if (at < 0 || (at == 0 && !text.startsWith(PATIENT))) {
            return null;
        }
        String rest = text.substring(at + PATIENT.length());
        int history = rest.indexOf('/');
        String id = history < 0 ? rest : rest.substring(0, history);
        return id.isEmpty() ? null : id;
    }
}
