package org.legcrampcds.examples.cli;

import java.io.PrintWriter;
import java.util.List;

import org.legcrampcds.examples.json.AssessmentJson;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ValidationError;

/** {@code --format json}: one JSON object per case, one per line (interfaces.md §3). */
final class JsonLinesReport implements Report {

    private final PrintWriter out;

    JsonLinesReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void assessed(Assessment assessment) {
        out.println(AssessmentJson.toJson(assessment));
    }

    /** The contract's error line names the first error only. */
    @Override
    public void rejected(String caseId, List<ValidationError> errors) {
        out.println(AssessmentJson.errorJson(caseId, errors.get(0)));
    }
}
