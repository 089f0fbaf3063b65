package org.legcrampcds.cdshooks;

import java.util.Objects;

/**
 * The service cannot start as configured: an unreadable or malformed trusted-issuers file, or a
 * bind beyond loopback without one. The message names the file or address and the fix.
 */
public final class CdsHooksConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CdsHooksDiagnostic diagnostic;

    CdsHooksConfigException(CdsHooksDiagnostic diagnostic, String message) {
        super(diagnostic.code() + " " + message);
        this.diagnostic = Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /** The stable code, for example {@code LCC-H009}. */
    public String code() {
        return diagnostic.code();
    }

    public CdsHooksDiagnostic diagnostic() {
        return diagnostic;
    }
}
