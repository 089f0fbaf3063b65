package org.legcrampcds.spark;

import java.io.Serial;

/**
 * The job cannot run at all: the export cannot be read, the output would overwrite earlier results,
 * or the rule directory cannot be read. The message names where, the code says what (see
 * {@code docs/diagnostics.md}).
 */
public final class ScreeningException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String code;

    ScreeningException(String where, String code, String reason) {
        super(where + ": " + code + " " + reason, null, false, false);
        this.where = where;
        this.code = code;
    }

    /** The file or directory concerned. */
    public String where() {
        return where;
    }

    /** The diagnostic code, for example {@code LCC-S001}. */
    public String code() {
        return code;
    }
}
