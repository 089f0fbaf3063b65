package org.legcrampcds.json;

import org.legcrampcds.model.ReadResult;

/**
 * One case of JSON Lines input, taken from the input but not yet read: {@link #read()} parses and
 * validates it. Reading a line needs nothing from the lines before it, so a batch can read its
 * lines on several threads while one thread takes them from the input in order.
 */
@FunctionalInterface
public interface PendingCase {

    /** Parses and validates the case; thread-safe, and the same result each time. */
    ReadResult read();
}
