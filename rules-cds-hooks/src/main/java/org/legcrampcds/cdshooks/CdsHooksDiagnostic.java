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
    PORT_IN_USE("LCC-H010"),
    /** The HTTP request itself cannot be read: a bad path, a malformed request line or header (400). */
    BAD_HTTP_REQUEST("LCC-H020"),
    /** No endpoint at that path (404). */
    NO_SUCH_ENDPOINT("LCC-H021"),
    /** The path exists but not for that method (405). */
    METHOD_NOT_ALLOWED("LCC-H022"),
    /** The request body is over the service's limit (413). */
    REQUEST_TOO_LARGE("LCC-H023"),
    /** The request line (the URL) is too long (414). */
    URI_TOO_LONG("LCC-H024"),
    /** The request's headers are too large (431). */
    HEADERS_TOO_LARGE("LCC-H025"),
    /** No rule base is loaded yet (503, and {@code /health/ready} answers 503). */
    NOT_READY("LCC-H026"),
    /** Something the service did not foresee (500); the log names the exception's class, never the request. */
    INTERNAL_ERROR("LCC-H027"),
    /** The request's JSON is nested deeper than 200 levels (400). */
    JSON_TOO_DEEP("LCC-H028"),
    /** A string (or a field name) of the request's JSON is over 1 MB (400). */
    JSON_STRING_TOO_LONG("LCC-H029"),
    /** A number of the request's JSON has more than 1,000 digits (400). */
    JSON_NUMBER_TOO_LONG("LCC-H030"),
    /** One answer of {@code fhirServer} is over its bound (16 MB by default) (412). */
    FHIR_ANSWER_TOO_LARGE("LCC-H031"),
    /** The answers of {@code fhirServer} to one call are together over their bound (64 MB by default) (412). */
    FHIR_ANSWERS_TOO_LARGE("LCC-H032"),
    /** Fetching from {@code fhirServer}, bodies included, did not finish by the call's deadline (10 s by default) (412). */
    FHIR_DEADLINE("LCC-H033"),
    /** One call would need more than its bound of requests to {@code fhirServer} (100 pages by default) (412). */
    FHIR_TOO_MANY_PAGES("LCC-H034"),
    /** The service already holds as many bytes of FHIR answers as it may, over all calls in flight (412). */
    FHIR_SERVICE_BUSY("LCC-H035");

    private final String code;

    CdsHooksDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
