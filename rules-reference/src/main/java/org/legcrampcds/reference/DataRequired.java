package org.legcrampcds.reference;

import java.util.List;

/**
 * One §11.4 entry: answering "yes" to {@code input} would on its own raise {@code forCodes}
 * (JSON key {@code for}), ordered by urgency (EMERGENCY first), then code.
 */
public record DataRequired(String input, List<String> forCodes) {
}
