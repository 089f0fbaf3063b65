package org.legcrampcds.reference;

/** One §12 entry: a lab older than its freshness window, set aside by every rule. */
public record StaleLab(String test, int daysSinceTaken, int maxDays) {
}
