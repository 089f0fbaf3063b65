package org.legcrampcds.reference;

import java.util.List;
import java.util.Map;

/**
 * The result fields of interfaces.md §3 that the reference evaluator cross-checks.
 *
 * @param findings       codes after suppression, by urgency (EMERGENCY first) then code
 * @param suppressed     suppressed SELF_CARE code -> its suppressedBy codes, sorted (a TreeMap)
 * @param highestUrgency highest urgency over {@code findings}, INFO when there is none
 * @param dataRequired   catalogue §11.4, in its order
 * @param staleLabs      catalogue §12, ordered by test name
 * @param recordComplete false exactly when {@code notRecorded} lists at least one entry
 */
public record ReferenceResult(
        List<String> findings,
        Map<String, List<String>> suppressed,
        String highestUrgency,
        List<DataRequired> dataRequired,
        List<StaleLab> staleLabs,
        boolean recordComplete) {
}
