package org.legcrampcds.cli;

import org.legcrampcds.model.Diagnostic;

/**
 * The codes of the command line itself (docs/diagnostics.md, "Command-line codes"): problems with
 * its arguments, its inputs as files and its outputs, as opposed to a case ({@code LCC-V}) or the
 * rule base ({@code LCC-R}). Each is printed as {@code leg-cramp-cds: CODE message} on standard error.
 */
public enum CliDiagnostic implements Diagnostic {
    /** A PATH does not exist, is not readable, or failed while being read. */
    UNREADABLE_INPUT("LCC-C001"),
    /** A directory PATH holds no {@code *.json} file. */
    NO_CASE_FILES("LCC-C002"),
    /** An input was read but held no case at all. */
    NO_CASE("LCC-C003"),
    /** The command line itself is wrong: an unknown option, a missing or malformed value, no subcommand. */
    BAD_COMMAND_LINE("LCC-C004"),
    /** An output file or directory could not be written. */
    CANNOT_WRITE("LCC-C005"),
    /** {@code coverage --fail-under}: fewer rules fired than asked for. */
    UNDER_FAIL_UNDER("LCC-C006"),
    /** {@code check}: no fixture had an {@code expect} block, so nothing was checked. */
    NOTHING_CHECKED("LCC-C007"),
    /** A defect: a case could not be assessed, or a command failed in a way it does not foresee. */
    INTERNAL_ERROR("LCC-C008");

    private final String code;

    CliDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
