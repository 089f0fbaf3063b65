package org.legcrampcds.cli;

import java.util.Objects;

import org.legcrampcds.model.Diagnostic;

/**
 * A command cannot go on: thrown by a command, and turned by {@link LegCrampCli}'s one
 * execution-exception handler into the line {@code leg-cramp-cds: CODE message} on standard error and
 * the exit status. Never shown as a stack trace.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;
    private final int exitStatus;

    /** A failure with {@link ExitCodes#FAILURE}. */
    CommandFailure(Diagnostic diagnostic, String message) {
        this(diagnostic, message, ExitCodes.FAILURE);
    }

    CommandFailure(Diagnostic diagnostic, String message, int exitStatus) {
        super(message);
        this.diagnostic = Objects.requireNonNull(diagnostic, "diagnostic");
        this.exitStatus = exitStatus;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }

    int exitStatus() {
        return exitStatus;
    }

    /** {@code CODE message}, as printed after the program's name. */
    String line() {
        return diagnostic.code() + " " + getMessage();
    }
}
