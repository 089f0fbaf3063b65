package org.legcrampcds.cdshooks;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson.Coding;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson.Details;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson.Issue;

/** The FHIR OperationOutcome bodies of every non-2xx answer (interfaces.md §7). */
final class OperationOutcomes {

    /** The code system of the diagnostic codes in {@code issue.details.coding}. */
    static final String DIAGNOSTIC_SYSTEM = OperationOutcomeJson.DIAGNOSTIC_SYSTEM;

    private OperationOutcomes() {
    }

    /** The outcome of a rejected request: one issue per problem, with its field and code. */
    static OperationOutcomeJson of(HookException e) {
        return OperationOutcomeJson.of(e.issues().stream()
                .map(issue -> issue(e.status(), issue.field(), issue.code(), issue.reason())).toList());
    }

    /** One issue with its diagnostic code, the field at fault (or null) and a reason free of patient values. */
    static Issue issue(int status, @Nullable String field, String code, String reason) {
        String text = (field == null ? "" : field + ": ") + code + " " + reason;
        return new Issue(status >= 500 ? "fatal" : "error", issueType(status),
                new Details(List.of(new Coding(DIAGNOSTIC_SYSTEM, code)), text), text, field == null ? null : List.of(field));
    }

    /** A failed authentication: no detail at all, so that a prober learns nothing (interfaces.md §7). */
    static OperationOutcomeJson unauthorized() {
        return OperationOutcomeJson.of(List.of(new Issue("error", "login", null, null, null)));
    }

    /** An answer with one issue of the service's own: a code and a reason, no field. */
    static OperationOutcomeJson plain(int status, CdsHooksDiagnostic diagnostic, String reason) {
        return OperationOutcomeJson.of(List.of(issue(status, null, diagnostic.code(), reason)));
    }

    static String issueType(int status) {
        return switch (status) {
            case 400, 414, 431 -> "invalid";
            case 401 -> "login";
            case 404 -> "not-found";
            case 405, 415 -> "not-supported";
            case 412 -> "incomplete";
            case 413 -> "too-costly";
            case 503 -> "transient";
            default -> "exception";
        };
    }
}
