package org.legcrampcds.model;

/**
 * A lab result set aside because it is older than its freshness window (catalogue §12): it was
 * validated and converted, then treated as absent by every rule.
 *
 * @param test           the test
 * @param daysSinceTaken its age in days
 * @param maxDays        the test's window; a result exactly this old is still current
 */
public record StaleLab(LabTest test, int daysSinceTaken, int maxDays) {
}
