package org.legcrampcds.model;

/**
 * How soon a finding needs clinical attention (catalogue §4), declared from the most to the least
 * urgent, so that {@link #compareTo} orders EMERGENCY first.
 */
public enum Urgency {
    /** Call emergency services or go to the emergency department now. */
    EMERGENCY,
    /** Same-day clinical assessment (within 24 hours). */
    URGENT,
    /** Clinician review within about 2 weeks. */
    SOON,
    /** Discuss at the next planned appointment. */
    ROUTINE,
    /** Information and self-care; no appointment needed. */
    INFO;

    /** The more urgent of two urgencies. */
    public Urgency max(Urgency other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
