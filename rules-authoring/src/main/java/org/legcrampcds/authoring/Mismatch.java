package org.legcrampcds.authoring;

import java.util.Objects;

/**
 * One difference between a fixture's expected and actual result.
 *
 * @param fixture the fixture file
 * @param subject the finding code, or the result field ({@code highestUrgency}, {@code dataRequired}...), that differed
 * @param what    what was expected and what came instead
 */
public record Mismatch(String fixture, String subject, String what) {

    public Mismatch {
        Objects.requireNonNull(fixture, "fixture");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(what, "what");
    }

    /** {@code CAUSE_AGE.fires.json: CAUSE_AGE: expected in findings, not produced}. */
    @Override
    public String toString() {
        return fixture + ": " + subject + ": " + what;
    }
}
