package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding text parsed once, when the rule base is built, into plain runs and optional clauses
 * marked {@code [name]...[/name]}, so that rendering per patient is concatenation only.
 */
final class ActionText {

    private static final Pattern CLAUSE = Pattern.compile("\\[([a-z0-9-]+)](.*?)\\[/\\1]");

    /** A run of text; {@code clause} is null for text that is always shown. */
    private record Segment(String clause, String text) {
    }

    private final List<Segment> segments;
    /** The text with every clause shown: what nearly every finding renders, so it is built once. */
    private final String whole;

    private ActionText(List<Segment> segments) {
        this.segments = List.copyOf(segments);
        this.whole = concatenate(Set.of());
    }

    static ActionText parse(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = CLAUSE.matcher(text);
        int plainStart = 0;
        while (m.find()) {
            segments.add(new Segment(null, text.substring(plainStart, m.start())));
            segments.add(new Segment(m.group(1), m.group(2)));
            plainStart = m.end();
        }
        segments.add(new Segment(null, text.substring(plainStart)));
        return new ActionText(segments);
    }

    /** The names of the optional clauses, for example {@code massage} and {@code heat}. */
    Set<String> clauses() {
        Set<String> names = new TreeSet<>();
        segments.stream().filter(s -> s.clause() != null).forEach(s -> names.add(s.clause()));
        return names;
    }

    /** The text without the given clauses. */
    String render(Set<String> dropped) {
        return dropped.isEmpty() ? whole : concatenate(dropped);
    }

    private String concatenate(Set<String> dropped) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.clause() == null || !dropped.contains(segment.clause())) {
                text.append(segment.text());
            }
        }
        return text.toString().strip();
    }
}
