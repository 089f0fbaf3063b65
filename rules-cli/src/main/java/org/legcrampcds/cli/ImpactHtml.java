package org.legcrampcds.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.legcrampcds.authoring.ImpactReport;
import org.legcrampcds.authoring.PatientImpact;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;

/**
 * The impact report as one self-contained HTML page for a clinical safety officer's sign-off (no
 * external style, script or font; it prints): both rule bases with their {@code rulesetVersion}s,
 * the inputs and dates, the summary per finding code, then each patient whose result changes, with
 * the findings gained and lost, their actions and the evidence that fires them (the why), and a
 * sign-off block. A list box shows only the patients a chosen finding code concerns.
 */
final class ImpactHtml {

    private ImpactHtml() {
    }

    static String render(ImpactCommand.Run run) {
        ImpactReport report = run.report();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Impact of a rule change: ").append(escape(report.candidateVersion())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}\n")
                .append("table{border-collapse:collapse;margin:.5em 0 1em}\n")
                .append("th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n")
                .append("td.count{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("section.patient{border-left:4px solid #888;padding:.2em 1em;margin:1em 0}\n")
                .append("tr.gained{background:#e6f4ea}\ntr.lost{background:#fde2e1}\n")
                .append(".urgency-changed{font-weight:bold;color:#a50e0e}\n")
                .append(".hidden{display:none}\n")
                .append("ul.evidence{margin:0;padding-left:1.2em}\n")
                .append("#sign-off td{min-width:16em;height:2em}\n")
                .append("@media print{#filter{display:none}}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>Impact of a rule change</h1>\n")
                .append("<p>What the proposed rules change for these patients, against the rules in use. Every patient ")
                .append("whose findings, highest urgency, withheld advice or questions change is listed with the evidence; ")
                .append("a finding both rule bases give with other words or evidence is counted as reworded.</p>\n");
        html.append("<table id=\"rule-bases\">\n");
        row(html, "baseline", "Rules in use", "<code>" + escape(report.baselineVersion()) + "</code> (" + escape(run.baseline()) + ")");
        row(html, "candidate", "Proposed rules", "<code>" + escape(report.candidateVersion()) + "</code> (" + escape(run.candidate()) + ")");
        row(html, "inputs", "Inputs", escape(String.join(" ", run.inputs())));
        row(html, "as-of", "FHIR data as of", escape(run.asOf().toString()));
        row(html, "date", "Report made", escape(run.date().toString()));
        html.append("</table>\n");
        html.append("<p id=\"summary\">").append(escape(ImpactText.summary(report))).append("</p>\n");

        html.append("<h2>Per finding code</h2>\n<table id=\"by-code\">\n<thead><tr><th>Code</th><th>Patients gaining it</th>")
                .append("<th>Losing it</th><th>Newly withheld</th><th>No longer withheld</th><th>Reworded</th></tr></thead>\n<tbody>\n");
        for (ImpactReport.CodeImpact c : report.byCode()) {
            html.append("<tr data-code=\"").append(escape(c.code())).append("\"><td>").append(escape(c.code())).append("</td>");
            count(html, c.gained());
            count(html, c.lost());
            count(html, c.suppressedGained());
            count(html, c.suppressedLost());
            count(html, c.reworded());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!report.urgencyChanges().isEmpty()) {
            html.append("<h2>Highest urgency</h2>\n<table id=\"urgency-changes\">\n<tbody>\n");
            report.urgencyChanges().forEach((change, n) -> html.append("<tr><td>").append(escape(change)).append("</td>")
                    .append("<td class=\"count\">").append(n).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }

        html.append("<h2>Patients whose result changes</h2>\n");
        if (report.changed().isEmpty()) {
            html.append("<p id=\"no-change\">No patient's result changes.</p>\n");
        } else {
            html.append("<p id=\"filter\"><label>Show patients concerning <select id=\"code-filter\" onchange=\"filterPatients(this.value)\">")
                    .append("<option value=\"\">any code</option>");
            report.byCode().stream().filter(c -> c.gained() + c.lost() + c.suppressedGained() + c.suppressedLost() > 0)
                    .forEach(c -> html.append("<option>").append(escape(c.code())).append("</option>"));
            html.append("</select></label></p>\n");
        }
        for (PatientImpact p : report.changed()) {
            patient(html, p);
        }
        if (!report.rejected().isEmpty()) {
            html.append("<h2>Invalid inputs, not compared</h2>\n<table id=\"invalid\">\n<thead><tr><th>Case</th><th>Input</th>")
                    .append("<th>Field</th><th>Code</th><th>Reason</th></tr></thead>\n<tbody>\n");
            for (ImpactReport.RejectedInput r : report.rejected()) {
                r.errors().forEach(e -> html.append("<tr><td>").append(escape(String.valueOf(r.caseId()))).append("</td><td>")
                        .append(escape(r.input())).append("</td><td>").append(escape(e.field())).append("</td><td>")
                        .append(escape(e.code())).append("</td><td>").append(escape(e.reason())).append("</td></tr>\n"));
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<h2>Sign-off</h2>\n<table id=\"sign-off\">\n")
                .append("<tr><th>Clinical safety officer</th><td></td></tr>\n<tr><th>Decision (approve / reject)</th><td></td></tr>\n")
                .append("<tr><th>Date</th><td></td></tr>\n<tr><th>Signature</th><td></td></tr>\n</table>\n");
        html.append("<script>\nfunction filterPatients(code) {\n")
                .append("  document.querySelectorAll('section.patient').forEach(function (s) {\n")
                .append("    var hide = code !== '' && s.getAttribute('data-codes').split(' ').indexOf(code) < 0;\n")
                .append("    if (hide) { s.classList.add('hidden'); } else { s.classList.remove('hidden'); }\n")
                .append("  });\n}\n</script>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    private static void patient(StringBuilder html, PatientImpact p) {
        html.append("<section class=\"patient\" data-case=\"").append(escape(String.valueOf(p.caseId()))).append("\" data-codes=\"")
                .append(escape(String.join(" ", p.codes()))).append("\">\n<h3>").append(escape(String.valueOf(p.caseId())))
                .append(" <small>(").append(escape(p.input())).append(")</small></h3>\n<p class=\"urgency")
                .append(p.urgencyChanged() ? " urgency-changed" : "").append("\">Highest urgency: ").append(p.baselineUrgency());
        html.append(p.urgencyChanged() ? " → " + p.candidateUrgency() : " (unchanged)").append("</p>\n");
        if (!p.gained().isEmpty() || !p.lost().isEmpty()) {
            html.append("<table class=\"findings\">\n<thead><tr><th></th><th>Finding</th><th>Urgency</th><th>Action</th>")
                    .append("<th>Why (evidence)</th><th>Rule</th></tr></thead>\n<tbody>\n");
            p.gained().forEach(f -> finding(html, "gained", "Gained", f));
            p.lost().forEach(f -> finding(html, "lost", "Lost", f));
            html.append("</tbody>\n</table>\n");
        }
        list(html, "suppressed-gained", "Newly withheld advice", p.suppressedGained().stream().map(ImpactHtml::suppression).toList());
        list(html, "suppressed-lost", "Advice no longer withheld", p.suppressedLost().stream().map(ImpactHtml::suppression).toList());
        list(html, "questions-gained", "New questions to ask", p.dataRequiredGained().stream().map(ImpactHtml::question).toList());
        list(html, "questions-lost", "Questions no longer asked", p.dataRequiredLost().stream().map(ImpactHtml::question).toList());
        list(html, "rules-gained", "Rules now firing", p.rulesGained());
        list(html, "rules-lost", "Rules no longer firing", p.rulesLost());
        html.append("</section>\n");
    }

    private static void finding(StringBuilder html, String kind, String label, Finding f) {
        html.append("<tr class=\"").append(kind).append("\" data-code=\"").append(escape(f.code())).append("\"><td>").append(label)
                .append("</td><td><b>").append(escape(f.code())).append("</b><br>").append(escape(f.title())).append("</td><td>")
                .append(f.urgency()).append("</td><td>").append(escape(f.action())).append("</td><td><ul class=\"evidence\">");
        for (Evidence e : f.evidence()) {
            html.append("<li>").append(escape(e.toString())).append("</li>");
        }
        html.append("</ul></td><td>").append(escape(f.ruleId())).append("</td></tr>\n");
    }

    private static void list(StringBuilder html, String cssClass, String title, List<String> items) {
        if (!items.isEmpty()) {
            html.append("<p class=\"").append(cssClass).append("\">").append(title).append(": ")
                    .append(items.stream().map(ImpactHtml::escape).collect(Collectors.joining(", "))).append("</p>\n");
        }
    }

    private static String suppression(Suppression s) {
        return s.code() + " (by " + String.join(", ", s.suppressedBy()) + ")";
    }

    private static String question(DataRequired q) {
        return q.input() + " (would raise " + String.join(", ", q.forCodes()) + ")";
    }

    private static void row(StringBuilder html, String id, String label, String escapedValue) {
        html.append("<tr id=\"").append(id).append("\"><th>").append(label).append("</th><td>").append(escapedValue).append("</td></tr>\n");
    }

    private static void count(StringBuilder html, int n) {
        html.append("<td class=\"count\">").append(n).append("</td>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
