/**
 * The JSON case format and the JSON result of leg-cramp-cds (interfaces.md §1 and §3).
 *
 * <p>{@link org.legcrampcds.json.CaseReader} reads a case file, JSON text or JSON Lines
 * into validated {@link org.legcrampcds.model.PatientCase}s, rejecting an invalid case as a whole
 * with the field path, diagnostic code and reason of catalogue §2.7;
 * {@link org.legcrampcds.json.AssessmentJson} writes an
 * {@link org.legcrampcds.model.Assessment}, or a rejected case, as one line of JSON.
 */
@NullMarked
package org.legcrampcds.json;

import org.jspecify.annotations.NullMarked;
