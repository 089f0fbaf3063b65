package org.legcrampcds.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.legcrampcds.model.LabTest;
import org.legcrampcds.rules.Threshold;
import org.legcrampcds.rules.Thresholds;

/**
 * Reads {@code thresholds.csv} and checks it against the DRL that reads it: every row well formed
 * (a known test, a comparison, a decimal in the test's canonical unit), every id a rule reads
 * defined, every row read by some rule. Each problem names the CSV line, or the DRL line of the read.
 */
final class ThresholdTable {

    static final List<String> HEADER = List.of("id", "test", "comparison", "value", "unit", "meaning");

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A rule's read of a threshold: {@code thresholds.met( "K_LOW", ... )}. */
    private static final Pattern READ = Pattern.compile("\\b" + Thresholds.GLOBAL + "\\s*\\.\\s*(met|criterion|negated|value)\\s*\\(\\s*\"([^\"]*)\"");

    private ThresholdTable() {
    }

    /** The table of the rule files, with every problem of it and of the reads added to {@code problems}. */
    static Thresholds read(List<RuleFile> files, List<RuleProblem> problems) {
        List<Read> reads = reads(files);
        RuleFile table = files.stream().filter(f -> f.name().equals(RuleFile.THRESHOLDS)).findFirst().orElse(null);
        if (table == null) {
            if (!reads.isEmpty()) {
                Read first = reads.get(0);
                problems.add(new RuleProblem(first.file(), first.line(), RuleDiagnostic.THRESHOLD_TABLE_MALFORMED,
                        "the rules read thresholds, but the rule directory has no " + RuleFile.THRESHOLDS));
            }
            return Thresholds.of(List.of());
        }
        Set<String> rejected = new HashSet<>();
        Map<String, Row> rows = parse(table, rejected, problems);
        if (rows == null) {
            return Thresholds.of(List.of());   // Unreadable as a whole: reported once, not at every read.
        }
        Set<String> read = new HashSet<>();
        for (Read r : reads) {
            read.add(r.id());
            // A row already reported as malformed is not reported again at every read of it.
            if (!rows.containsKey(r.id()) && !rejected.contains(r.id())) {
                problems.add(new RuleProblem(r.file(), r.line(), RuleDiagnostic.UNKNOWN_THRESHOLD,
                        "threshold '" + r.id() + "' is not defined in " + RuleFile.THRESHOLDS));
            }
        }
        rows.forEach((id, row) -> {
            if (!read.contains(id)) {
                problems.add(new RuleProblem(RuleFile.THRESHOLDS, row.line(), RuleDiagnostic.UNUSED_THRESHOLD,
                        "threshold " + id + " is read by no rule: a value that decides nothing misleads a reviewer"));
            }
        });
        return Thresholds.of(rows.values().stream().map(Row::threshold).toList());
    }

    /**
     * The well-formed rows by id, or {@code null} when the file is not a threshold table at all; the
     * first column of every malformed row goes to {@code rejected}.
     */
    private static Map<String, Row> parse(RuleFile table, Set<String> rejected, List<RuleProblem> problems) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(new StringReader(table.content()))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new RuleProblem(RuleFile.THRESHOLDS, 0, RuleDiagnostic.THRESHOLD_TABLE_MALFORMED,
                    "not a readable CSV file: " + e.getMessage()));
            return null;
        }
        if (records.isEmpty() || !HEADER.equals(records.get(0).toList())) {
            problems.add(new RuleProblem(RuleFile.THRESHOLDS, 1, RuleDiagnostic.THRESHOLD_TABLE_MALFORMED,
                    "the first line must be the header " + String.join(",", HEADER)));
            return null;
        }
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = lineOf(table, record);
            Threshold threshold = row(record, line, problems);
            if (threshold == null) {
                rejected.add(record.get(0));
            }
            if (threshold != null && rows.putIfAbsent(threshold.id(), new Row(threshold, line)) != null) {
                problems.add(new RuleProblem(RuleFile.THRESHOLDS, line, RuleDiagnostic.BAD_THRESHOLD,
                        "threshold " + threshold.id() + " is defined twice (first at line " + rows.get(threshold.id()).line() + ")"));
            }
        }
        return rows;
    }

    /** One row as a threshold, or {@code null} with a problem for each thing wrong with it. */
    private static Threshold row(CSVRecord record, int line, List<RuleProblem> problems) {
        if (record.size() != HEADER.size()) {
            problems.add(new RuleProblem(RuleFile.THRESHOLDS, line, RuleDiagnostic.THRESHOLD_TABLE_MALFORMED,
                    "expected " + HEADER.size() + " columns (" + String.join(",", HEADER) + "), found " + record.size()));
            return null;
        }
        List<String> bad = new ArrayList<>();
        String id = record.get(0);
        if (!ID.matcher(id).matches()) {
            bad.add("id '" + id + "' is not upper snake case");
        }
        LabTest test = labTest(record.get(1));
        if (test == null) {
            bad.add("unknown test '" + record.get(1) + "'");
        }
        Threshold.Comparison comparison = Threshold.Comparison.ofSymbol(record.get(2));
        if (comparison == null) {
            bad.add("comparison '" + record.get(2) + "' is not one of <, <=, >, >=, =");
        }
        BigDecimal value = decimal(record.get(3));
        if (value == null) {
            bad.add("value '" + record.get(3) + "' is not a decimal number");
        }
        String unit = record.get(4);
        String meaning = record.get(5);
        if (meaning.isEmpty()) {
            bad.add("meaning is empty: say what meeting the threshold means");
        }
        if (test != null) {
            checkUnit(test, comparison, value, unit, bad);
        }
        bad.forEach(reason -> problems.add(new RuleProblem(RuleFile.THRESHOLDS, line, RuleDiagnostic.BAD_THRESHOLD,
                id + ": " + reason)));
        return bad.isEmpty() ? new Threshold(id, test, comparison, value, unit, meaning) : null;
    }

    /**
     * A value is in the test's canonical unit, within its plausible range (a value outside it could
     * never be met, or always would be: a unit mistake), or a positive multiple of the upper limit of
     * normal for the tests that have one; only those tests have a default ({@code =}) value.
     */
    private static void checkUnit(LabTest test, Threshold.Comparison comparison, BigDecimal value, String unit, List<String> bad) {
        if (Threshold.TIMES_ULN.equals(unit)) {
            if (!test.acceptsUpperLimitOfNormal()) {
                bad.add(test + " has no upper limit of normal, so a threshold cannot be a multiple of it");
            } else if (comparison == Threshold.Comparison.DEFAULT) {
                bad.add("a default value must be in " + test.canonicalUnit() + ", not '" + unit + "'");
            } else if (value != null && value.signum() <= 0) {
                bad.add("a multiple of the upper limit of normal must be positive");
            }
            return;
        }
        if (!test.canonicalUnit().equals(unit)) {
            bad.add("unit '" + unit + "' is not " + test + "'s canonical unit " + test.canonicalUnit()
                    + (test.acceptsUpperLimitOfNormal() ? " or " + Threshold.TIMES_ULN : ""));
        }
        if (comparison == Threshold.Comparison.DEFAULT && !test.acceptsUpperLimitOfNormal()) {
            bad.add("only tests with an upper limit of normal (CK, TSH) have a default value");
        }
        if (value != null && (value.compareTo(test.plausibleMin()) < 0 || value.compareTo(test.plausibleMax()) > 0)) {
            bad.add("value " + value.toPlainString() + " is outside " + test + "'s plausible range "
                    + test.plausibleMin().toPlainString() + "-" + test.plausibleMax().toPlainString() + " " + test.canonicalUnit());
        }
    }

    private static LabTest labTest(String name) {
        try {
            return LabTest.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** The line a CSV record starts on, from its first character's offset in the file. */
    static int lineOf(RuleFile table, CSVRecord record) {
        long offset = record.getCharacterPosition();
        return 1 + (int) table.content().substring(0, (int) Math.min(offset, table.content().length())).chars().filter(c -> c == '\n').count();
    }

    private static List<Read> reads(List<RuleFile> files) {
        List<Read> reads = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) {
                continue;
            }
            String[] lines = file.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().startsWith("//")) {
                    continue;
                }
                Matcher m = READ.matcher(lines[i]);
                while (m.find()) {
                    reads.add(new Read(file.name(), i + 1, m.group(2)));
                }
            }
        }
        return reads;
    }

    private record Read(String file, int line, String id) {
    }

    private record Row(Threshold threshold, int line) {
    }
}
