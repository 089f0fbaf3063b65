package org.legcrampcds.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The source register of a rule base, {@code sources.csv} ({@code id,kind,description}): the ids a
 * rule's {@code @source} may cite, transcribed from catalogue §1 (seed files, the register of §1.2,
 * and the few further names §5 cites), so that a reviewer can look up every source a finding names.
 */
final class SourceRegister {

    static final List<String> HEADER = List.of("id", "kind", "description");

    private SourceRegister() {
    }

    /**
     * What the lint checks {@code @source} ids against.
     *
     * @param present whether the rule base has a register
     * @param usable  whether it could be read as one (when not, ids are not checked: one problem, not one per citation)
     * @param ids     its ids
     */
    record Register(boolean present, boolean usable, Set<String> ids) {
        boolean knows(String id) {
            return !usable || ids.contains(id);
        }
    }

    /** The register of the rule files; its problems go to {@code problems}. */
    static Register read(List<RuleFile> files, List<RuleProblem> problems) {
        RuleFile register = files.stream().filter(f -> f.name().equals(RuleFile.SOURCES)).findFirst().orElse(null);
        if (register == null) {
            return new Register(false, false, Set.of());
        }
        Set<String> ids = new TreeSet<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(new StringReader(register.content()))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || !HEADER.equals(records.get(0).toList())) {
                problems.add(new RuleProblem(RuleFile.SOURCES, 1, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                        "the first line must be the header " + String.join(",", HEADER)));
                return new Register(true, false, ids);
            }
            for (CSVRecord record : records.subList(1, records.size())) {
                int line = ThresholdTable.lineOf(register, record);
                if (record.size() != HEADER.size() || record.get(0).isEmpty()) {
                    problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                            "expected " + String.join(",", HEADER) + " with an id, found " + record.size() + " column(s)"));
                } else if (!ids.add(record.get(0))) {
                    problems.add(new RuleProblem(RuleFile.SOURCES, line, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                            "source " + record.get(0) + " is listed twice"));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new RuleProblem(RuleFile.SOURCES, 0, RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                    "not a readable CSV file: " + e.getMessage()));
            return new Register(true, false, ids);
        }
        return new Register(true, true, ids);
    }
}
