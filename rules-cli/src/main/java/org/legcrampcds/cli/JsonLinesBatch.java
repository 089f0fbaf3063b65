package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.ParallelAssessor;
import org.legcrampcds.fhir.CaseInputs;
import org.legcrampcds.json.PendingCase;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;

/**
 * One JSON Lines input assessed on all cores in constant memory: this thread splits the input into
 * lines, in order; a worker parses, validates, assesses and renders each case; this thread writes
 * the rendered cases in input order. The output is byte for byte that of reading and assessing the
 * lines one by one.
 */
final class JsonLinesBatch {

    private final ParallelAssessor parallel;
    private final ResultWriter results;
    private final Tally tally;
    private final PrintWriter err;

    JsonLinesBatch(ParallelAssessor parallel, ResultWriter results, Tally tally, PrintWriter err) {
        this.parallel = parallel;
        this.results = results;
        this.tally = tally;
        this.err = err;
    }

    /**
     * Assesses every case of the input.
     *
     * @throws IOException          when the input cannot be read; the cases before were written
     * @throws InterruptedException when this thread is interrupted
     */
    void run(CaseInputs.Cases cases, BatchProgress progress) throws IOException, InterruptedException {
        try {
            parallel.mapInOrder(cases, this::assess, JsonLinesBatch::unreadable,
                    done -> write(done, progress));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** On a worker: the case's rendered report, or why it has none. */
    private Done assess(CrampAssessor assessor, PendingCase pending) {
        ReadResult read = pending.read();
        if (!(read instanceof ReadResult.Accepted accepted)) {
            return new Done(Kind.INVALID, results.render(report -> report.rejected(read.caseId(), read.errors())));
        }
        Assessment assessment;
        try {
            assessment = assessor.assess(accepted.patientCase());
        } catch (RuntimeException e) {
            // A defect, not bad input: said on standard error, and the other cases go on.
            return new Done(Kind.FAILED, "case " + read.caseId() + " could not be assessed: " + e);
        }
        return new Done(Kind.ASSESSED, results.render(report -> report.assessed(assessment, accepted)));
    }

    /** On a worker: reading the line itself threw, a defect of the reader. */
    private static Done unreadable(PendingCase pending, RuntimeException e) {
        return new Done(Kind.FAILED, "a case could not be read: " + e);
    }

    /** On this thread, in input order. */
    private void write(Done done, BatchProgress progress) {
        switch (done.kind()) {
            case ASSESSED -> {
                results.write(done.text());
                tally.assessed();
            }
            case INVALID -> {
                results.write(done.text());
                tally.invalid();
            }
            case FAILED -> {
                err.println(LegCrampCli.NAME + ": " + CliDiagnostic.INTERNAL_ERROR.code() + " " + done.text());
                tally.failedCase();
            }
        }
        progress.step();
    }

    private enum Kind { ASSESSED, INVALID, FAILED }

    /** A case done: its rendered report, or for a failed one the message for standard error. */
    private record Done(Kind kind, String text) {
    }
}
