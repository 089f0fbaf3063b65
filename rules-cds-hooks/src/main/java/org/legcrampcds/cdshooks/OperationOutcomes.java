package org.legcrampcds.cdshooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The FHIR OperationOutcome bodies of every non-2xx answer (interfaces.md §7). */
final class OperationOutcomes {

    /** The code system of the diagnostic codes in {@code issue.details.coding}. */
    static final String DIAGNOSTIC_SYSTEM = "urn:org.legcrampcds:diagnostic";

    private OperationOutcomes() {
    }

    /** The outcome of a rejected request: one issue per problem, with its field and code. */
    static ObjectNode of(HookException e) {
        ObjectNode outcome = Json.object().put("resourceType", "OperationOutcome");
        ArrayNode issues = outcome.putArray("issue");
        for (HookException.Issue issue : e.issues()) {
            ObjectNode node = issues.addObject().put("severity", "error").put("code", issueType(e.status()));
            ObjectNode details = node.putObject("details");
            details.putArray("coding").addObject().put("system", DIAGNOSTIC_SYSTEM).put("code", issue.code());
            String text = (issue.field() == null ? "" : issue.field() + ": ") + issue.code() + " " + issue.reason();
            details.put("text", text);
            node.put("diagnostics", text);
            if (issue.field() != null) {
                node.putArray("expression").add(issue.field());
            }
        }
        return outcome;
    }

    /** A failed authentication: no detail at all, so that a prober learns nothing (interfaces.md §7). */
    static ObjectNode unauthorized() {
        ObjectNode outcome = Json.object().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", "login");
        return outcome;
    }

    /** Anything the service did not foresee: a generic message, the details stay in the log. */
    static ObjectNode internalError() {
        ObjectNode outcome = Json.object().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "fatal").put("code", "exception")
                .put("diagnostics", "internal error: the service could not answer this request");
        return outcome;
    }

    /** A route or method that does not exist. */
    static ObjectNode plain(int status, String diagnostics) {
        ObjectNode outcome = Json.object().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", issueType(status))
                .put("diagnostics", diagnostics);
        return outcome;
    }

    private static String issueType(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 404 -> "not-found";
            case 405, 415 -> "not-supported";
            case 412 -> "incomplete";
            default -> "exception";
        };
    }
}
