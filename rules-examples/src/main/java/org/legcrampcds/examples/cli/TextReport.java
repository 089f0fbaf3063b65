package org.legcrampcds.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;
import org.legcrampcds.model.RecordMapping;
import org.legcrampcds.model.Unmapped;
import org.legcrampcds.model.DataRequired;
import org.legcrampcds.model.Evidence;
import org.legcrampcds.model.Finding;
import org.legcrampcds.model.StaleLab;
import org.legcrampcds.model.Suppression;
import org.legcrampcds.model.Urgency;
import org.legcrampcds.model.ValidationError;

/**
 * {@code --format text}: a report per case for clinicians and testers. Findings are grouped by
 * urgency in the result's order (EMERGENCY first), each with its title, code, action, evidence and
 * sources; then the withheld advice and what withheld it; for a partial record the questions that
 * could raise a red flag, and the labs set aside as too old. The report ends with a summary line
 * ("12 assessed, 1 invalid"). Long lines are wrapped.
 */
final class TextReport implements Report {

    private static final int WIDTH = 100;
    private static final String FINDING_INDENT = "  ";
    private static final String DETAIL_INDENT = "      ";
    private static final int LABEL_WIDTH = 13;

    private static final Map<Urgency, String> MEANING = new EnumMap<>(Map.of(
            Urgency.EMERGENCY, "call emergency services or go to the emergency department now",
            Urgency.URGENT, "same-day clinical assessment, within 24 hours",
            Urgency.SOON, "clinician review within about 2 weeks",
            Urgency.ROUTINE, "discuss at the next planned appointment",
            Urgency.INFO, "information and self-care, no appointment needed"));

    private final PrintWriter out;

    TextReport(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void assessed(Assessment assessment, ReadResult.Accepted read) {
        RecordMapping fromFhir = read.mapping();
        header(assessment.caseId());
        out.println("Rule base:       " + assessment.rulesetVersion());
        if (fromFhir != null) {
            out.println("From FHIR as of: " + fromFhir.asOf());
        }
        out.println("Highest urgency: " + describe(assessment.highestUrgency()));
        if (assessment.findings().isEmpty()) {
            out.println();
            out.println("No findings.");
        }
        Urgency group = null;
        for (Finding finding : assessment.findings()) {
            if (finding.urgency() != group) {
                group = finding.urgency();
                out.println();
                out.println(describe(group));
            }
            finding(finding);
        }
        out.println();
        if (assessment.suppressed().isEmpty()) {
            out.println("Withheld advice: none");
        } else {
            out.println("Withheld advice:");
            for (Suppression suppression : assessment.suppressed()) {
                out.println(FINDING_INDENT + suppression.code() + ", withheld by " + String.join(", ", suppression.suppressedBy()));
            }
        }
        partialRecord(assessment);
        if (fromFhir != null && !fromFhir.unmapped().isEmpty()) {
            notUsed(fromFhir);
        }
    }

    /**
     * What the record held that was not used, one line per resource type and reason with its count
     * (interfaces.md §6 (2.3)): a real record holds thousands of resources the mapping does not read,
     * so listing each would bury the findings. The JSON result keeps the full list.
     */
    private void notUsed(RecordMapping fromFhir) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Unmapped unused : fromFhir.unmapped()) {
            String resource = unused.resource();
            int slash = resource.indexOf('/');
            String type = slash < 0 ? resource : resource.substring(0, slash);
            counts.merge(type + " (" + unused.reason().code() + ")", 1, Integer::sum);
        }
        out.println();
        out.println("Not used from the record (each in the JSON result's unmapped):");
        counts.forEach((what, count) -> out.println(FINDING_INDENT + "Not used: "
                + String.format(Locale.ROOT, "%,d", count) + " " + what));
    }

    /** What the record did not say (catalogue §11-12): the questions worth asking and the labs set aside. */
    private void partialRecord(Assessment assessment) {
        if (!assessment.recordComplete()) {
            out.println();
            out.println("Record:          partial (some inputs not recorded; they were read as absent)");
            for (DataRequired question : assessment.dataRequired()) {
                wrapped(FINDING_INDENT, FINDING_INDENT + "  ",
                        "Not recorded, would raise " + String.join(", ", question.forCodes()) + ": " + question.input());
            }
        }
        if (!assessment.staleLabs().isEmpty()) {
            out.println();
            for (StaleLab stale : assessment.staleLabs()) {
                out.println("Set aside: " + stale.test().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                        + stale.daysSinceTaken() + " days old (current for " + stale.maxDays() + " days)");
            }
        }
    }

    @Override
    public void finished(int assessed, int invalid) {
        out.println();
        out.println(assessed + " assessed, " + invalid + " invalid");
    }

    @Override
    public void rejected(String caseId, List<ValidationError> errors) {
        header(caseId);
        out.println("Not assessed: the case was rejected because of invalid input.");
        for (ValidationError error : errors) {
            wrapped(FINDING_INDENT, FINDING_INDENT + "  ", error.toString());
        }
    }

    /** A blank line between two cases. */
    @Override
    public void betweenCases() {
        out.println();
    }

    private void header(String caseId) {
        out.println("== Case " + (caseId == null ? "(no id)" : caseId) + " ==");
    }

    private void finding(Finding finding) {
        out.println(FINDING_INDENT + "* " + finding.title() + " [" + finding.code() + "]");
        detail("Action:", List.of(finding.action()));
        if (!finding.modifiedBy().isEmpty()) {
            detail("Adjusted by:", List.of(String.join(", ", finding.modifiedBy())));
        }
        if (!finding.suppresses().isEmpty()) {
            detail("Withholds:", List.of(String.join(", ", finding.suppresses())));
        }
        List<String> evidence = new ArrayList<>();
        finding.evidence().stream().map(Evidence::toString).forEach(evidence::add);
        detail("Evidence:", evidence.isEmpty() ? List.of("none (general advice)") : evidence);
        detail("Sources:", List.of(String.join("; ", finding.sources())));
    }

    /** A labelled block: the label once, each entry on its own (wrapped) lines under the first. */
    private void detail(String label, List<String> entries) {
        String blank = DETAIL_INDENT + " ".repeat(LABEL_WIDTH);
        String labelled = DETAIL_INDENT + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
        for (int i = 0; i < entries.size(); i++) {
            wrapped(i == 0 ? labelled : blank, blank, entries.get(i));
        }
    }

    /** Word-wraps {@code text} to {@link #WIDTH}, the first line after {@code first}, the rest after {@code rest}. */
    private void wrapped(String first, String rest, String text) {
        StringBuilder line = new StringBuilder(first);
        int start = line.length();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(rest);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String describe(Urgency urgency) {
        return urgency + " (" + MEANING.get(urgency) + ")";
    }
}
