package org.legcrampcds.cli;

import java.util.Locale;

/** What a run has seen so far; it decides the exit status and the closing summary. */
final class Tally {

    private final long start = System.nanoTime();
    private int assessed;
    private int invalid;
    private int failed;
    private int inputProblems;
    private boolean failure;

    void assessed() {
        assessed++;
    }

    void invalid() {
        invalid++;
    }

    /** A case that could not be assessed, a defect rather than bad input. */
    void failedCase() {
        failed++;
        failure = true;
    }

    /** A failure that is no case's, such as an interrupted run. */
    void failure() {
        failure = true;
    }

    /** An input that gave no case: it could not be read, or held none (interfaces.md section 2, 2.3). */
    void inputProblem() {
        inputProblems++;
    }

    /** Cases seen so far, whatever became of them. */
    int casesSeen() {
        return assessed + invalid + failed;
    }

    int assessedCount() {
        return assessed;
    }

    int invalidCount() {
        return invalid;
    }

    /** interfaces.md §2: 1 for any failure, else 2 when a case was invalid or an input gave no case, else 0. */
    int exitStatus() {
        return failure ? ExitCodes.FAILURE : invalid > 0 || inputProblems > 0 ? ExitCodes.INVALID_CASE : ExitCodes.ASSESSED;
    }

    /**
     * The closing summary for standard error, counts only (never a case id), for example
     * {@code 100000 cases in 9.81 s (10194 cases/s): 99000 assessed, 1000 invalid} ({@code 1 case in ...}).
     */
    String summary() {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        int cases = casesSeen();
        String summary = String.format(Locale.ROOT, "%s in %.2f s (%.0f cases/s): %d assessed, %d invalid", Words.count(cases, "case"),
                seconds, cases / seconds, assessed, invalid);
        return failed == 0 ? summary : summary + ", " + failed + " could not be assessed";
    }
}
