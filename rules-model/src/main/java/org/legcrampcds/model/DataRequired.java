package org.legcrampcds.model;

import java.util.List;
import java.util.Objects;

/**
 * A question worth asking (catalogue §11.4): a not-recorded safety input whose answer "yes" (its
 * firing value) would, on its own, raise these red flags.
 *
 * @param input     the input, as {@code notRecorded} names it, for example {@code symptoms.CHEST_PAIN}
 * @param forCodes  the RED_FLAG codes it would raise, most urgent first, then by code; never empty
 */
public record DataRequired(String input, List<String> forCodes) {

    public DataRequired {
        Objects.requireNonNull(input, "input");
        forCodes = List.copyOf(forCodes);
    }
}
