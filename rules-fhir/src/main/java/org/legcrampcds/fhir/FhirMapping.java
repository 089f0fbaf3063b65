package org.legcrampcds.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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
}
