package org.legcrampcds.fhir;

import org.jspecify.annotations.Nullable;

/**
 * Whether a {@code subject} or {@code patient} reference names another patient than the one
 * assessed (interfaces.md §6 (2.3)): compared by {@code Patient/id} (relative, absolute or
 * versioned) or {@code urn:uuid:id} (a Bundle's {@code fullUrl}). A reference to anything else (a
 * {@code Group}, a contained resource) or none at all names no other patient: the resource came in
 * that patient's Bundle or search.
 */
final class PatientReferences {

    private static final String URN_UUID = "urn:uuid:";
    private static final String HISTORY = "/_history/";

    private PatientReferences() {
    }

    /**
     * @param reference the reference's text, or null
     * @param patientId the assessed Patient's id, or null when it has none
     * @param fullUrl   the assessed Patient's {@code fullUrl} in its Bundle, or null
     */
    static boolean namesAnotherPatient(@Nullable String reference, @Nullable String patientId, @Nullable String fullUrl) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        String ref = reference.strip();
        if (fullUrl != null && ref.equals(fullUrl)) {
            return false;
        }
        if (ref.startsWith(URN_UUID)) {
            return !ref.substring(URN_UUID.length()).equals(patientId);
        }
        int history = ref.indexOf(HISTORY);
        if (history >= 0) {
            ref = ref.substring(0, history);
        }
        int at = ref.equals("Patient") ? -1 : ref.startsWith("Patient/") ? 0 : ref.lastIndexOf("/Patient/") + 1;
        if (at < 0 || (at == 0 && !ref.startsWith("Patient/"))) {
            return false;   // Not a reference to a Patient.
        }
        String id = ref.substring(at + "Patient/".length());
        return !id.equals(patientId);
    }
}
