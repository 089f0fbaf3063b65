/**
 * Patient facts, lab normalisation, validation and result types of leg-cramp-cds.
 *
 * <p>Build input with {@link org.legcrampcds.model.PatientCase#builder()}: a built case is always
 * valid (catalogue §2.7) and its labs are already in canonical units (§2.6). Results are
 * {@link org.legcrampcds.model.Assessment}s. Every type here is immutable; this module has no
 * dependencies.
 */
@NullMarked
package org.legcrampcds.model;

import org.jspecify.annotations.NullMarked;
