/**
 * A CDS Hooks 2.0 service for nocturnal leg cramps (interfaces.md §7): discovery,
 * {@code patient-view}, {@code order-sign} and {@code order-select}, prefetch with fall-back to the
 * EHR's FHIR server, cards from the engine's findings, JWT verification of the CDS client, and rules
 * that can be replaced while serving. {@link org.legcrampcds.cdshooks.CdsHooksService} is the entry point.
 */
@NullMarked
package org.legcrampcds.cdshooks;

import org.jspecify.annotations.NullMarked;
