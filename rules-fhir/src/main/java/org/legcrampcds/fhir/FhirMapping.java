package org.legcrampcds.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.legcrampcds.model.PatientCase;

/**
 * A patient's FHIR data mapped to a case (interfaces.md §6).
 *
 * @param patientCase the validated case, with what the record does not state listed as not recorded
 * @param asOf        the date at which ages and day counts were taken
 * @param unmapped    every resource or element that contributed nothing, and why, by resource
 */
public record FhirMapping(PatientCase patientCase, LocalDate asOf, List<Unmapped> unmapped) {

    public FhirMapping {
        Objects.requireNonNull(patientCase, "patientCase");
        Objects.requireNonNull(asOf, "asOf");
        unmapped = unmapped.stream().sorted(Comparator.comparing(Unmapped::resource)).toList();
    }

    /** The inputs the mapping found not recorded, expanded (interfaces.md §6: results carry them). */
    public List<String> notRecorded() {
        return patientCase.notRecorded();
    }

    /**
     * The fields a result read from FHIR carries beside the contract's (interfaces.md §6), in the
     * order results write them: {@code asOf} (ISO date), {@code unmapped} (each
     * {@code {"resource", "reason", "detail"}}) and {@code notRecorded}. One place builds them, so that
     * every writer of results (the command line, the Spark job) prints the same line.
     *
     * @return strings, lists and maps of those, ready for a JSON writer
     */
    public Map<String, Object> resultFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("asOf", asOf.toString());
        fields.put("unmapped", unmapped.stream().map(u -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("resource", u.resource());
            entry.put("reason", u.reason().code());
            entry.put("detail", u.detail());
            return entry;
        }).toList());
        fields.put("notRecorded", notRecorded());
        return fields;
    }
}
