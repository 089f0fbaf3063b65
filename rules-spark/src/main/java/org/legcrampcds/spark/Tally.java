package org.legcrampcds.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts of a screening run, kept per file and per patient and merged up to one for the
 * summary. Counts are computed from the data (not with accumulators), so a retried task cannot
 * count twice. The lists of problem lines and missing patients keep the first {@link #LISTED}
 * in file and line order, so that the summary stays small and the same on every run.
 */
final class Tally implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many problem lines, and patient ids not in the export, the summary lists. */
    static final int LISTED = 1000;

    long patientsRead;
    long assessed;
    long rejected;
    /** Resources grouped under a Patient of the export, by type. */
    final TreeMap<String, Long> resourcesRead = new TreeMap<>();
    /** Of those, resources of assessed patients that contributed nothing (interfaces.md §6 unmapped), by type. */
    final TreeMap<String, Long> resourcesUnmapped = new TreeMap<>();
    /** Of those, resources of rejected patients, by type. */
    final TreeMap<String, Long> resourcesOfRejected = new TreeMap<>();
    final TreeMap<String, Long> unmappedByReason = new TreeMap<>();
    /** Resources of types the mapping does not read, by type. */
    final TreeMap<String, Long> ignoredByType = new TreeMap<>();
    /** Per finding code, the number of patients with it. */
    final TreeMap<String, Long> findings = new TreeMap<>();
    /** Per highest urgency, the number of patients. */
    final TreeMap<String, Long> highestUrgency = new TreeMap<>();
    /** Per diagnostic code, the number of rejected patients whose first error has it. */
    final TreeMap<String, Long> rejectedByCode = new TreeMap<>();
    final TreeSet<String> rulesetVersions = new TreeSet<>();

    long files;
    long badLines;
    final TreeSet<LineProblem> badLineList = new TreeSet<>();
    long withoutReference;
    final TreeMap<String, Long> withoutReferenceByType = new TreeMap<>();
    final TreeSet<LineProblem> withoutReferenceList = new TreeSet<>();
    long missingPatients;
    final TreeMap<String, Long> missingPatientResourcesByType = new TreeMap<>();
    final TreeSet<String> missingPatientIds = new TreeSet<>();

    static void add(SortedMap<String, Long> counts, String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    void badLine(LineProblem problem) {
        badLines++;
        keepFirst(badLineList, problem);
    }

    void withoutReference(String type, LineProblem problem) {
        withoutReference++;
        add(withoutReferenceByType, type, 1);
        keepFirst(withoutReferenceList, problem);
    }

    /** Adds another tally into this one and returns this one. */
    Tally merge(Tally other) {
        patientsRead += other.patientsRead;
        assessed += other.assessed;
        rejected += other.rejected;
        mergeCounts(resourcesRead, other.resourcesRead);
        mergeCounts(resourcesUnmapped, other.resourcesUnmapped);
        mergeCounts(resourcesOfRejected, other.resourcesOfRejected);
        mergeCounts(unmappedByReason, other.unmappedByReason);
        mergeCounts(ignoredByType, other.ignoredByType);
        mergeCounts(findings, other.findings);
        mergeCounts(highestUrgency, other.highestUrgency);
        mergeCounts(rejectedByCode, other.rejectedByCode);
        rulesetVersions.addAll(other.rulesetVersions);
        files += other.files;
        badLines += other.badLines;
        other.badLineList.forEach(p -> keepFirst(badLineList, p));
        withoutReference += other.withoutReference;
        mergeCounts(withoutReferenceByType, other.withoutReferenceByType);
        other.withoutReferenceList.forEach(p -> keepFirst(withoutReferenceList, p));
        missingPatients += other.missingPatients;
        mergeCounts(missingPatientResourcesByType, other.missingPatientResourcesByType);
        other.missingPatientIds.forEach(id -> keepFirst(missingPatientIds, id));
        return this;
    }

    private static void mergeCounts(Map<String, Long> into, Map<String, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    private static <T> void keepFirst(NavigableSet<T> kept, T item) {
        kept.add(item);
        if (kept.size() > LISTED) {
            kept.pollLast();
        }
    }
}
