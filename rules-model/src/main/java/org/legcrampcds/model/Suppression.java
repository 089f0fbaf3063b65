package org.legcrampcds.model;

import java.util.List;

/**
 * A self-care finding whose own trigger was met but which a SAFETY interlock withheld (catalogue §6).
 *
 * @param code         the withheld code
 * @param suppressedBy every SAFETY code that withheld it, sorted
 */
public record Suppression(String code, List<String> suppressedBy) {

    public Suppression {
        suppressedBy = List.copyOf(suppressedBy);
    }
}
