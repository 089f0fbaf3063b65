/**
 * The JSON documents of the CDS Hooks service as records that Jackson writes and reads (as HAPI FHIR's
 * CDS Hooks module does with its {@code *Json} classes): discovery, the cards of a hook's answer with
 * their source, suggestions, actions, links and extension, and the FHIR OperationOutcome of every error
 * answer. A field that is {@code null} is left out of the JSON.
 */
@NullMarked
package org.legcrampcds.cdshooks.json;

import org.jspecify.annotations.NullMarked;
