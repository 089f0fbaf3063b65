package org.legcrampcds.engine;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a source a finding names is cited for a reader: a row of the rule base's source register
 * ({@code sources.csv}). A finding's {@code sources} keep the register's ids (the JSON result is
 * unchanged); reports and cards show the citation instead, never an internal id such as a seed
 * article's file name.
 *
 * @param id        the id a rule's {@code @source} names, for example {@code NG158}
 * @param title     the title of the work (a seed article's own title)
 * @param publisher who published it, or null when the register does not know
 * @param year      the year of publication, or null when the register does not know
 * @param url       where a reader finds it, or null when there is no public link
 */
public record Citation(String id, String title, @Nullable String publisher, @Nullable String year, @Nullable String url) {

    public Citation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }

    /** A source the register does not describe: cited by its id alone. */
    public static Citation ofId(String id) {
        return new Citation(id, id, null, null, null);
    }

    /** "Title. Publisher, year." without the link, for example {@code Blood transfusion (NG24). NICE, 2015.} */
    public String text() {
        StringBuilder text = new StringBuilder(title);
        if (!title.endsWith(".") && !title.endsWith("?") && !title.endsWith("!")) {
            text.append('.');
        }
        if (publisher != null || year != null) {
            text.append(' ');
            if (publisher != null) {
                text.append(publisher);
            }
            if (year != null) {
                text.append(publisher != null ? ", " : "").append(year);
            }
            text.append('.');
        }
        return text.toString();
    }
}
