package org.legcrampcds.cli;

/** The exit statuses of interfaces.md §2. */
final class ExitCodes {

    /** Every case was assessed. */
    static final int ASSESSED = 0;
    /** Any failure other than an invalid case: unreadable path, rules that do not compile, bad usage. */
    static final int FAILURE = 1;
    /** At least one case was invalid or malformed; every valid case was still assessed. */
    static final int INVALID_CASE = 2;

    private ExitCodes() {
    }
}
