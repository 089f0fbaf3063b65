package org.legcrampcds.authoring;

import org.legcrampcds.model.Diagnostic;

/**
 * The codes of a fixture's {@code expect} block that cannot be checked as written
 * (docs/diagnostics.md, "Fixture codes"). They are reported by {@code check} like a difference, with
 * the subject {@code expect}, so a fixture with a mistake in its block never passes.
 */
public enum FixtureDiagnostic implements Diagnostic {
    /** The block is not an object, has a key the format does not define, or a key of the wrong type. */
    MALFORMED_EXPECT("LCC-A001"),
    /** The block gives {@code absent} together with {@code "exact": true}, which already says every code not listed is absent. */
    ABSENT_WITH_EXACT("LCC-A002");

    private final String code;

    FixtureDiagnostic(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
