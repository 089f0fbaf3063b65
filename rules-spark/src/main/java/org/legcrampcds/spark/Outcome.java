package org.legcrampcds.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * What one group of the shuffle gave: a patient's result line (null for a file's tally or a group
 * whose Patient is not in the export) and its counts.
 *
 * @param line  the JSON line written to {@code results/}, or null
 * @param tally the group's counts
 */
record Outcome(String line, Tally tally) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
