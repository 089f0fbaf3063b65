/**
 * FHIR R4 input of leg-cramp-cds (interfaces.md §6), and the library's one reader of every input
 * format, {@link org.legcrampcds.fhir.CaseInputs}: {@link org.legcrampcds.fhir.FhirCaseMapper}
 * maps one patient's Bundle, or the resources of a CDS Hooks prefetch, to a validated
 * {@link org.legcrampcds.model.PatientCase} and reports every resource it did not use
 * ({@link org.legcrampcds.model.Unmapped}), as a {@link org.legcrampcds.model.ReadResult}. Code tables are versioned CSV data in
 * {@code org/legcrampcds/fhir/codes/}; the project's Questionnaire is in
 * {@code org/legcrampcds/fhir/questionnaire/}. Built on HAPI FHIR's R4 structures, with one
 * {@code FhirContext} per process; no logging binding.
 */
@NullMarked
package org.legcrampcds.fhir;

import org.jspecify.annotations.NullMarked;
