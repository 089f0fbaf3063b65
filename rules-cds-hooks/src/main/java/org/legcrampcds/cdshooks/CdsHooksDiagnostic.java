package org.legcrampcds.cdshooks;

import org.legcrampcds.model.Diagnostic;

/**
 * The diagnostic codes only the CDS Hooks service raises. A request the service cannot answer gets
 * an HTTP status and an OperationOutcome whose issue carries one of these codes and the field at
 * fault; a mapped patient the case model rejects keeps its {@code LCC-V} or {@code LCC-F} code.
 * Every code is explained in {@code docs/diagnostics.md}.
 */
public enum CdsHooksDiagnostic implements Diagnostic {
    /** The body is not JSON (415): a Content-Type other than JSON, or a body that does not parse. */
    NOT_JSON("LCC-H001"),
    /** A field of the request is missing or of the wrong type or form (400). */
    MALFORMED_REQUEST("LCC-H002"),
    /** The request's {@code hook} is not the hook of the service called (400). */
    WRONG_HOOK("LCC-H003"),
    /** No service of that id (404). */
    UNKNOWN_SERVICE("LCC-H004"),
    /** An advertised prefetch key is absent and the request names no {@code fhirServer} to fetch it from (412). */
    PREFETCH_UNAVAILABLE("LCC-H005"),
    /** The EHR's FHIR server failed: an error status, a time-out, or a body that is not FHIR (412). */
    FHIR_SERVER_FAILED("LCC-H006"),
    /** The data needed to assess the patient is not there: no Patient (412). */
    NO_PATIENT_DATA("LCC-H007"),
    /** The trusted-issuers file cannot be read or is malformed (the service does not start). */
    BAD_TRUSTED_ISSUERS("LCC-H008"),
    /** A bind to an address other than loopback without trusted issuers (the service does not start). */
    UNPROTECTED_BIND("LCC-H009"),
    /** The port to serve on is taken by another process (the service does not start). */
    PORT_IN_USE("LCC-H010");

    private final String code;

    CdsHooksDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
