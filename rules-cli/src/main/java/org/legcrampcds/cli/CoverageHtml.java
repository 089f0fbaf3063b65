package org.legcrampcds.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.legcrampcds.authoring.RuleCoverage;

/**
 * The coverage report as one self-contained HTML page (no external style, script or font): a table
 * per rule file, each rule's firing count, rules never fired highlighted like uncovered lines of a
 * code-coverage report, and a switch that shows only those.
 */
final class CoverageHtml {

    private CoverageHtml() {
    }

    static String render(RuleCoverage coverage) {
        Map<String, List<RuleCoverage.RuleCount>> byFile = new LinkedHashMap<>();
        coverage.rules().forEach(r -> byFile.computeIfAbsent(r.rule().file(), f -> new ArrayList<>()).add(r));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Rule coverage ").append(escape(coverage.rulesetVersion())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin-bottom:1.5em;min-width:40em}\n")
                .append("th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}\n")
                .append("td.count{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("tr.fired{background:#e6f4ea}\ntr.never-fired{background:#fde2e1;font-weight:bold}\n")
                .append("body.only-never tr.fired{display:none}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>Rule coverage</h1>\n<p id=\"summary\">Rule base <code>").append(escape(coverage.rulesetVersion()))
                .append("</code>: ").append(Words.count(coverage.casesAssessed(), "case")).append(" assessed, ").append(coverage.casesRejected())
                .append(" rejected; ").append(coverage.rules().size() - coverage.neverFired().size()).append(" of ")
                .append(coverage.rules().size()).append(" rules fired (").append(CoverageCommand.percent(coverage.percentOfRulesFired()))
                .append(").</p>\n");
        html.append("<p><label><input type=\"checkbox\" id=\"only-never\" onchange=\"document.body.classList.toggle('only-never', this.checked)\">")
                .append(" Show only rules never fired</label></p>\n");
        list(html, "codes-never-produced", "Codes never produced", coverage.codesNeverProduced());
        list(html, "codes-without-near-miss", "Codes without a near miss", coverage.codesWithoutNearMiss());
        byFile.forEach((file, rules) -> {
            html.append("<h2>").append(escape(file)).append("</h2>\n<table data-file=\"").append(escape(file)).append("\">\n")
                    .append("<thead><tr><th>Rule</th><th>Line</th><th>Code</th><th>Cases that fired it</th></tr></thead>\n<tbody>\n");
            for (RuleCoverage.RuleCount r : rules) {
                html.append("<tr class=\"").append(r.fired() ? "fired" : "never-fired").append("\" data-rule=\"")
                        .append(escape(r.rule().id())).append("\"><td title=\"").append(escape(r.rule().name())).append("\">")
                        .append(escape(r.rule().id())).append("</td><td>").append(r.rule().line()).append("</td><td>")
                        .append(escape(r.rule().code().orElse(""))).append("</td><td class=\"count\">").append(r.cases())
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        });
        return html.append("</body>\n</html>\n").toString();
    }

    private static void list(StringBuilder html, String id, String title, java.util.Collection<String> codes) {
        html.append("<p id=\"").append(id).append("\">").append(title).append(": ")
                .append(codes.isEmpty() ? "none" : escape(String.join(", ", codes))).append("</p>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
