package org.legcrampcds.cli;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.legcrampcds.authoring.ImpactReport;
import org.legcrampcds.authoring.PatientImpact;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.Suppression;

/**
 * The impact report as one JSON document, for scripts and archives: both rule bases, the inputs and
 * dates, the counts, each changed patient with the findings gained and lost (in the result format of
 * interfaces.md §3, evidence included), and the summary per finding code. Exact decimals stay plain
 * numbers.
 */
final class ImpactJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ImpactJson() {
    }

    static String render(ImpactCommand.Run run) {
        ImpactReport report = run.report();
        ObjectNode root = JSON.createObjectNode();
        root.putObject("baseline").put("rulesetVersion", report.baselineVersion()).put("rules", run.baseline());
        root.putObject("candidate").put("rulesetVersion", report.candidateVersion()).put("rules", run.candidate());
        strings(root.putArray("inputs"), run.inputs());
        root.put("asOf", run.asOf().toString());
        root.put("date", run.date().toString());
        root.put("compared", report.compared());
        root.put("changed", report.changed().size());
        root.put("unchanged", report.unchanged());
        root.put("invalid", report.rejected().size());
        ArrayNode patients = root.putArray("patients");
        for (PatientImpact p : report.changed()) {
            ObjectNode patient = patients.addObject();
            patient.put("caseId", p.caseId());
            patient.put("input", p.input());
            patient.putObject("highestUrgency").put("baseline", p.baselineUrgency().name())
                    .put("candidate", p.candidateUrgency().name());
            ArrayNode gained = patient.putArray("gained");
            p.gained().forEach(f -> finding(gained, f));
            ArrayNode lost = patient.putArray("lost");
            p.lost().forEach(f -> finding(lost, f));
            suppressions(patient.putArray("suppressedGained"), p.suppressedGained());
            suppressions(patient.putArray("suppressedLost"), p.suppressedLost());
            questions(patient.putArray("dataRequiredGained"), p.dataRequiredGained());
            questions(patient.putArray("dataRequiredLost"), p.dataRequiredLost());
            strings(patient.putArray("reworded"), p.reworded().stream().map(PatientImpact.Rewording::code).toList());
            strings(patient.putArray("rulesGained"), p.rulesGained());
            strings(patient.putArray("rulesLost"), p.rulesLost());
        }
        ArrayNode codes = root.putArray("byCode");
        for (ImpactReport.CodeImpact c : report.byCode()) {
            codes.addObject().put("code", c.code()).put("gained", c.gained()).put("lost", c.lost())
                    .put("suppressedGained", c.suppressedGained()).put("suppressedLost", c.suppressedLost())
                    .put("reworded", c.reworded());
        }
        ObjectNode urgencies = root.putObject("urgencyChanges");
        report.urgencyChanges().forEach(urgencies::put);
        ArrayNode rejected = root.putArray("invalidInputs");
        for (ImpactReport.RejectedInput r : report.rejected()) {
            ObjectNode input = rejected.addObject().put("caseId", r.caseId()).put("input", r.input());
            ArrayNode errors = input.putArray("errors");
            r.errors().forEach(e -> errors.addObject().put("field", e.field()).put("code", e.code()).put("reason", e.reason()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static void finding(ArrayNode into, Finding f) {
        ObjectNode finding = into.addObject().put("code", f.code()).put("category", f.category().name())
                .put("urgency", f.urgency().name()).put("title", f.title()).put("action", f.action());
        ArrayNode evidence = finding.putArray("evidence");
        for (Evidence e : f.evidence()) {
            ObjectNode item = evidence.addObject().put("fact", e.fact());
            if (e.value() instanceof BigDecimal d) {
                item.put("value", d);
            } else if (e.value() instanceof Boolean b) {
                item.put("value", b);
            } else {
                item.put("value", String.valueOf(e.value()));
            }
            if (e.unit() != null) {
                item.put("unit", e.unit());
            }
            item.put("criterion", e.criterion());
        }
        strings(finding.putArray("sources"), f.sources());
        finding.put("ruleId", f.ruleId());
    }

    private static void suppressions(ArrayNode into, List<Suppression> suppressions) {
        suppressions.forEach(s -> strings(into.addObject().put("code", s.code()).putArray("suppressedBy"), s.suppressedBy()));
    }

    private static void questions(ArrayNode into, List<DataRequired> questions) {
        questions.forEach(q -> strings(into.addObject().put("input", q.input()).putArray("for"), q.forCodes()));
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
