package org.legcrampcds.cdshooks;

import java.util.List;
import java.util.Objects;

/**
 * A request the service answers with an error status and an OperationOutcome, never a stack trace.
 * Its issues name the field at fault and a diagnostic code.
 */
final class HookException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem: the field (FHIRPath-like, may be null), its code and a reason free of patient values. */
    record Issue(String field, String code, String reason) {
        Issue {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final int status;
    private final transient List<Issue> issues;

    HookException(int status, List<Issue> issues) {
        super(issues.get(0).code() + " " + issues.get(0).reason(), null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    HookException(int status, CdsHooksDiagnostic diagnostic, String field, String reason) {
        this(status, List.of(new Issue(field, diagnostic.code(), reason)));
    }

    static HookException malformed(String field, String reason) {
        return new HookException(400, CdsHooksDiagnostic.MALFORMED_REQUEST, field, reason);
    }

    int status() {
        return status;
    }

    List<Issue> issues() {
        return issues;
    }
}
