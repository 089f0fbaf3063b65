package org.legcrampcds.cli;

/** The exit statuses of interfaces.md §2. */
final class ExitCodes {

    /** Every case was assessed. */
    static final int ASSESSED = 0;
    /** Any failure other than an invalid case or input: rules that do not compile, bad usage, a defect. */
    static final int FAILURE = 1;
    /** At least one case was invalid or malformed, or an input could not be read or held no case; every valid case was still assessed. */
    static final int INVALID_CASE = 2;

    private ExitCodes() {
    }
}
