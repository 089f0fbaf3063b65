package org.legcrampcds.spark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a screening run read and found, written as {@code OUT/summary.json}: patients read,
 * assessed and rejected; resources per type read, used and unmapped; per finding code and per
 * highest urgency the number of patients; and every problem of the export (bad lines with file and
 * line, resources without a patient reference, patients referred to but not in the export,
 * ignored types). Immutable.
 */
public final class ScreeningSummary {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final LocalDate asOf;
    private final Tally tally;
    private final List<String> otherFiles;

    ScreeningSummary(LocalDate asOf, Tally tally, List<String> otherFiles) {
        this.asOf = asOf;
        this.tally = tally;
        this.otherFiles = List.copyOf(otherFiles);
    }

    /** Patients in the export: one per distinct Patient id. */
    public long patientsRead() {
        return tally.patientsRead;
    }

    /** Patients with a result line. */
    public long assessed() {
        return tally.assessed;
    }

    /** Patients with an error line. */
    public long rejected() {
        return tally.rejected;
    }

    /** NDJSON lines that are not JSON, not a resource, or a Patient without id. */
    public long badLines() {
        return tally.badLines;
    }

    /** Resources that could not be given to a patient: no patient reference, or a Patient not in the export. */
    public long resourcesWithoutPatient() {
        return tally.withoutReference + tally.missingPatientResourcesByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether every patient was assessed and every line of the export used or knowingly ignored. */
    public boolean complete() {
        return rejected() == 0 && badLines() == 0 && resourcesWithoutPatient() == 0;
    }

    /** The summary as {@code summary.json} holds it. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("asOf", asOf.toString());
        root.put("rulesetVersions", new TreeSet<>(tally.rulesetVersions));
        Map<String, Object> patients = new LinkedHashMap<>();
        patients.put("read", tally.patientsRead);
        patients.put("assessed", tally.assessed);
        patients.put("rejected", tally.rejected);
        root.put("patients", patients);
        root.put("highestUrgency", tally.highestUrgency);
        root.put("findings", tally.findings);
        root.put("rejectedByCode", tally.rejectedByCode);
        Map<String, Object> resources = new TreeMap<>();
        for (String type : tally.resourcesRead.keySet()) {
            long read = tally.resourcesRead.get(type);
            long unmapped = tally.resourcesUnmapped.getOrDefault(type, 0L);
            long ofRejected = tally.resourcesOfRejected.getOrDefault(type, 0L);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("read", read);
            counts.put("used", read - unmapped - ofRejected);
            counts.put("unmapped", unmapped);
            counts.put("ofRejectedPatients", ofRejected);
            resources.put(type, counts);
        }
        root.put("resources", resources);
        root.put("unmappedByReason", tally.unmappedByReason);
        root.put("ignoredTypes", tally.ignoredByType);
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("ndjson", tally.files);
        files.put("other", otherFiles);
        root.put("files", files);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("count", tally.badLines);
        bad.put("lines", tally.badLineList.stream().map(ScreeningSummary::line).toList());
        root.put("badLines", bad);
        Map<String, Object> noReference = new LinkedHashMap<>();
        noReference.put("count", tally.withoutReference);
        noReference.put("byType", tally.withoutReferenceByType);
        noReference.put("lines", tally.withoutReferenceList.stream().map(ScreeningSummary::line).toList());
        root.put("withoutPatientReference", noReference);
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("code", ScreeningDiagnostic.PATIENT_NOT_IN_EXPORT.code());
        missing.put("patients", tally.missingPatients);
        missing.put("resourcesByType", tally.missingPatientResourcesByType);
        missing.put("patientIds", tally.missingPatientIds);
        root.put("patientNotInExport", missing);
        root.put("listedAtMost", Tally.LISTED);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    private static Map<String, Object> line(LineProblem problem) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", problem.file());
        entry.put("line", problem.line());
        entry.put("code", problem.code());
        entry.put("reason", problem.reason());
        return entry;
    }
}
