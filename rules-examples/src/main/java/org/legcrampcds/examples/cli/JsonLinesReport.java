package org.legcrampcds.examples.cli;

import java.io.PrintWriter;
import java.util.List;

import org.legcrampcds.json.AssessmentJson;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.ValidationError;

/** {@code --format json}: one JSON object per case, one per line (interfaces.md §3). */
final class JsonLinesReport implements Report {

    private final PrintWriter out;

    JsonLinesReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void assessed(Assessment assessment, ReadResult.Accepted read) {
        out.println(AssessmentJson.toJson(assessment, read.resultFields()));
    }

    /** The contract's error line: the first error as {@code error}, all of them as {@code errors}. */
    @Override
    public void rejected(String caseId, List<ValidationError> errors) {
        out.println(AssessmentJson.errorJson(caseId, errors));
    }

    /** One case per line and nothing between. */
    @Override
    public void betweenCases() {
        // Each line ends with its own line end.
    }

    /** JSON Lines output holds cases only, so that it stays machine-readable: no summary line. */
    @Override
    public void finished(int assessed, int invalid) {
        out.flush();
    }
}
