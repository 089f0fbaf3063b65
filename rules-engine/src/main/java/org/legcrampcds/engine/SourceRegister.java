package org.legcrampcds.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The source register of a rule base, {@code sources.csv}
 * ({@code id,kind,title,publisher,year,url,description}): the ids a rule's {@code @source} may cite,
 * transcribed from catalogue §1 (seed files, the register of §1.2, and the few further names §5
 * cites), each with its citation (title, publisher, year, link where one exists; a seed article by
 * its own title), so that a reader sees what a finding rests on. A register of an older rule
 * directory ({@code id,kind,description}) is still read: its description is the title.
 */
final class SourceRegister {

    static final List<String> HEADER = List.of("id", "kind", "title", "publisher", "year", "url", "description");
    /** The register's columns before citations (rule directories exported then). */
    static final List<String> HEADER_V1 = List.of("id", "kind", "description");

    private SourceRegister() {
    }

    /**
     * What the lint checks {@code @source} ids against.
     *
     * @param present whether the rule base has a register
     * @param usable  whether it could be read as one (when not, ids are not checked: one problem, not one per citation)
     * @param citations its citations by id, in register order
     */
    record Register(boolean present, boolean usable, Map<String, Citation> citations) {
        Register {
            citations = Collections.unmodifiableMap(new LinkedHashMap<>(citations));
        }

        boolean knows(String id) {
            return !usable || citations.containsKey(id);
        }

        Set<String> ids() {
            return citations.keySet();
        }

        /** How {@code id} is cited: its register entry, or the id itself when the register does not have it. */
        Citation citation(String id) {
            Citation citation = citations.get(id);
            return citation == null ? Citation.ofId(id) : citation;
        }
    }

    /** The register of the rule files; its problems go to {@code problems}. */
    static Register read(List<RuleFile> files, List<RuleProblem> problems) {
        RuleFile register = files.stream().filter(f -> f.name().equals(RuleFile.SOURCES)).findFirst().orElse(null);
        if (register == null) {
            return new Register(false, false, Map.of());
        }
        Map<String, Citation> citations = new LinkedHashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(new StringReader(register.content()))) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.isEmpty() ? List.of() : records.get(0).toList();
            if (!HEADER.equals(header) && !HEADER_V1.equals(header)) {
                problems.add(new RuleProblem(RuleFile.SOURCES, 1, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                        "the first line must be the header " + String.join(",", HEADER)));
                return new Register(true, false, citations);
            }
            for (CSVRecord record : records.subList(1, records.size())) {
                int line = ThresholdTable.lineOf(register, record);
                if (record.size() != header.size() || record.get(0).isEmpty()) {
                    problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                            "expected " + String.join(",", header) + " with an id, found " + record.size() + " column(s)"));
                    continue;
                }
                String id = record.get(0);
                if (citations.containsKey(id)) {
                    problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                            "source " + id + " is listed twice"));
                    continue;
                }
                Citation citation = header.equals(HEADER_V1)
                        ? new Citation(id, record.get(2).isEmpty() ? id : record.get(2), null, null, null)
                        : citation(record, line, problems);
                citations.put(id, citation);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new RuleProblem(RuleFile.SOURCES, 0, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                    "not a readable CSV file: " + e.getMessage()));
            return new Register(true, false, citations);
        }
        return new Register(true, true, citations);
    }

    /** A row's citation; a row without a title, with a year that is not one, or a link that is not http(s) is a problem. */
    private static Citation citation(CSVRecord record, int line, List<RuleProblem> problems) {
        String id = record.get(0);
        String title = record.get(2);
        String year = record.get(4);
        String url = record.get(5);
        if (title.isEmpty()) {
            problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                    "source " + id + " has no title: a reader must be able to find it"));
        }
        if (!year.isEmpty() && !year.matches("\\d{4}")) {
            problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                    "source " + id + ": year '" + year + "' is not a year such as 2020"));
        }
        if (!url.isEmpty() && !url.matches("https?://\\S+")) {
            problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                    "source " + id + ": url '" + url + "' is not an http or https link"));
        }
        return new Citation(id, title.isEmpty() ? id : title, blankToNull(record.get(3)), blankToNull(year), blankToNull(url));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
