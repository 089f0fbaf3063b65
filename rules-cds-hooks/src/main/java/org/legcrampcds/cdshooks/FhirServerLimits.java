package org.legcrampcds.cdshooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one hook call may read from the EHR's {@code fhirServer} (interfaces.md §7, 2.3): past any
 * of these bounds the call is answered 412 with an OperationOutcome and a diagnostic code, and what
 * was read is dropped. The caller chooses {@code fhirServer}, so none of them may be unbounded.
 *
 * @param maxResponseBytes the bytes of one answer's body (default 16 MB): {@code LCC-H031}
 * @param maxCallBytes     the bytes of all the answers of one call together (default 64 MB): {@code LCC-H032}
 * @param deadline         the time one call may spend fetching, reading the bodies included (default 10 s):
 *                         {@code LCC-H033}
 * @param maxPages         the requests one call may make, first pages and next pages together (default 100):
 *                         {@code LCC-H034}
 * @param maxHeldBytes     the bytes of FHIR answers the whole service holds at once, over every call in flight
 *                         (default a quarter of the maximum heap): a call that would go past it is answered
 *                         412 with {@code LCC-H035}, so that memory stays bounded whatever the number of calls
 */
public record FhirServerLimits(long maxResponseBytes, long maxCallBytes, Duration deadline, int maxPages,
                               long maxHeldBytes) {

    private static final long MB = 1024L * 1024;

    public FhirServerLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (maxResponseBytes <= 0 || maxCallBytes <= 0 || maxHeldBytes <= 0) {
            throw new IllegalArgumentException("byte limits must be positive: maxResponseBytes " + maxResponseBytes
                    + ", maxCallBytes " + maxCallBytes + ", maxHeldBytes " + maxHeldBytes);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (maxPages <= 0) {
            throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
        }
    }

    /** 16 MB per answer, 64 MB per call, 10 s per call, 100 pages per call, a quarter of the heap in all. */
    public static FhirServerLimits defaults() {
        return new FhirServerLimits(16 * MB, 64 * MB, Duration.ofSeconds(10), 100, Runtime.getRuntime().maxMemory() / 4);
    }

    public FhirServerLimits withMaxResponseBytes(long bytes) {
        return new FhirServerLimits(bytes, maxCallBytes, deadline, maxPages, maxHeldBytes);
    }

    public FhirServerLimits withMaxCallBytes(long bytes) {
        return new FhirServerLimits(maxResponseBytes, bytes, deadline, maxPages, maxHeldBytes);
    }

    public FhirServerLimits withDeadline(Duration newDeadline) {
        return new FhirServerLimits(maxResponseBytes, maxCallBytes, newDeadline, maxPages, maxHeldBytes);
    }

    public FhirServerLimits withMaxPages(int pages) {
        return new FhirServerLimits(maxResponseBytes, maxCallBytes, deadline, pages, maxHeldBytes);
    }

    public FhirServerLimits withMaxHeldBytes(long bytes) {
        return new FhirServerLimits(maxResponseBytes, maxCallBytes, deadline, maxPages, bytes);
    }
}
