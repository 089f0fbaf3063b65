package org.legcrampcds.model;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What mapping an EHR record (FHIR, interfaces.md §6) to a case adds to the case: the date ages and
 * day counts were taken at, and everything in the record that contributed nothing, and why.
 *
 * @param asOf     the date at which ages and day counts were taken
 * @param unmapped every resource or element that contributed nothing, sorted by resource
 */
public record RecordMapping(LocalDate asOf, List<Unmapped> unmapped) {

    public RecordMapping {
        Objects.requireNonNull(asOf, "asOf");
        unmapped = unmapped.stream().sorted(Comparator.comparing(Unmapped::resource)).toList();
    }
}
