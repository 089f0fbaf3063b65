package org.legcrampcds.cli;

import java.util.List;
import java.util.Locale;

import org.legcrampcds.authoring.ImpactReport;
import org.legcrampcds.authoring.PatientImpact;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;

/**
 * The impact report for reading: a header naming both rule bases, one block per patient whose result
 * changes ({@code +} a finding gained, {@code -} a finding lost, each with the evidence that fires it
 * on its side), then the summary per finding code.
 */
final class ImpactText {

    private ImpactText() {
    }

    static String render(ImpactCommand.Run run) {
        ImpactReport report = run.report();
        StringBuilder text = new StringBuilder();
        text.append("baseline:  ").append(report.baselineVersion()).append(" (").append(run.baseline()).append(")\n")
                .append("candidate: ").append(report.candidateVersion()).append(" (").append(run.candidate()).append(")\n")
                .append("inputs:    ").append(String.join(" ", run.inputs())).append(" (FHIR as of ").append(run.asOf())
                .append("; report of ").append(run.date()).append(")\n");
        for (PatientImpact patient : report.changed()) {
            text.append('\n').append(patient.caseId()).append(" (").append(patient.input()).append("): highest urgency ")
                    .append(patient.baselineUrgency());
            if (patient.urgencyChanged()) {
                text.append(" -> ").append(patient.candidateUrgency());
            } else {
                text.append(", unchanged");
            }
            text.append('\n');
            patient.gained().forEach(f -> finding(text, '+', f));
            patient.lost().forEach(f -> finding(text, '-', f));
            patient.suppressedGained().forEach(s -> suppression(text, "+ withheld", s));
            patient.suppressedLost().forEach(s -> suppression(text, "- withheld", s));
            patient.dataRequiredGained().forEach(q -> question(text, "+ ask", q));
            patient.dataRequiredLost().forEach(q -> question(text, "- ask", q));
            if (!patient.rulesGained().isEmpty()) {
                text.append("  rules now firing: ").append(String.join(", ", patient.rulesGained())).append('\n');
            }
            if (!patient.rulesLost().isEmpty()) {
                text.append("  rules no longer firing: ").append(String.join(", ", patient.rulesLost())).append('\n');
            }
        }
        if (!report.rejected().isEmpty()) {
            text.append("\ninvalid, not compared:\n");
            for (ImpactReport.RejectedInput rejected : report.rejected()) {
                text.append("  ").append(rejected.caseId()).append(" (").append(rejected.input()).append("): ")
                        .append(rejected.errors().get(0)).append('\n');
            }
        }
        text.append("\nper finding code (patients):\n");
        if (report.byCode().isEmpty()) {
            text.append("  none\n");
        }
        for (ImpactReport.CodeImpact code : report.byCode()) {
            text.append(String.format(Locale.ROOT, "  %-34s gained %d, lost %d, withheld +%d -%d, reworded %d%n", code.code(),
                    code.gained(), code.lost(), code.suppressedGained(), code.suppressedLost(), code.reworded()));
        }
        if (!report.urgencyChanges().isEmpty()) {
            text.append("highest urgency:\n");
            report.urgencyChanges().entrySet()
                    .forEach(e -> text.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        text.append(summary(report)).append('\n');
        return text.toString();
    }

    /** The closing line, for example {@code 184 compared: 2 changed, 182 unchanged, 0 invalid}. */
    static String summary(ImpactReport report) {
        return report.compared() + " compared: " + report.changed().size() + " changed, " + report.unchanged() + " unchanged, "
                + report.rejected().size() + " invalid";
    }

    private static void finding(StringBuilder text, char sign, Finding finding) {
        text.append("  ").append(sign).append(' ').append(finding.code()).append(" (").append(finding.urgency())
                .append(", rule ").append(finding.ruleId()).append(")");
        List<Evidence> evidence = finding.evidence();
        if (!evidence.isEmpty()) {
            text.append(": ").append(String.join("; ", evidence.stream().map(Evidence::toString).toList()));
        }
        text.append('\n');
    }

    private static void suppression(StringBuilder text, String label, Suppression suppression) {
        text.append("  ").append(label).append(' ').append(suppression.code()).append(" by ")
                .append(String.join(", ", suppression.suppressedBy())).append('\n');
    }

    private static void question(StringBuilder text, String label, DataRequired question) {
        text.append("  ").append(label).append(' ').append(question.input()).append(" (would raise ")
                .append(String.join(", ", question.forCodes())).append(")\n");
    }
}
