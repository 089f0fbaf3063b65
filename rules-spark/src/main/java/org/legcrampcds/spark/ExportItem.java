package org.legcrampcds.spark;

import java.io.Serializable;

/**
 * What the read stage sends through the shuffle: one resource of a patient as its NDJSON text with
 * the file and line it came from, or, once per file, the tally of what that file held besides
 * (ignored types, bad lines, resources without a patient reference).
 *
 * @param resourceType the resource's type, or null for a file tally
 * @param file         the file's name (not its path: results and summaries name files the way the
 *                     export's manifest does)
 * @param line         the 1-based line number
 * @param json         the resource as written in the export, or null for a file tally
 * @param fileTally    the file's tally, or null for a resource
 */
record ExportItem(String resourceType, String file, long line, String json, Tally fileTally) implements Serializable {

    private static final long serialVersionUID = 1L;

    static ExportItem resource(String resourceType, String file, long line, String json) {
        return new ExportItem(resourceType, file, line, json, null);
    }

    static ExportItem tally(String file, Tally tally) {
        return new ExportItem(null, file, 0, null, tally);
    }

    boolean isTally() {
        return fileTally != null;
    }

    /** Where the resource is, as {@code file:line}. */
    String location() {
        return file + ":" + line;
    }
}
