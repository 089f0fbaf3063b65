package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Parses the DRL files for the lint, and reports syntax errors where they are. Drools stops at the
 * first syntax error of a file, and a misspelt {@code end} is reported at the next rule's
 * {@code end}, lines later. So a file that does not parse is checked block by block: a block
 * ({@code rule}, {@code query} or {@code declare}) without its {@code end} is reported at the line
 * that should have closed it, and every other block is parsed on its own (the rest of the file
 * blanked, so that line numbers stay true), giving every block's first syntax error.
 */
final class DrlSyntax {

    private static final Pattern OPENS_BLOCK = Pattern.compile("^\\s*(rule|query|declare)\\b.*");
    private static final Pattern ENDS_BLOCK = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern ONE_WORD = Pattern.compile("^\\s*[A-Za-z]+\\s*$");

    private final Map<String, PackageDescr> parsed;
    private final Set<String> filesWithErrors;
    private final List<RuleProblem> problems;

    private DrlSyntax(Map<String, PackageDescr> parsed, Set<String> filesWithErrors, List<RuleProblem> problems) {
        this.parsed = parsed;
        this.filesWithErrors = filesWithErrors;
        this.problems = problems;
    }

    static DrlSyntax check(List<RuleFile> files) {
        Map<String, PackageDescr> parsed = new LinkedHashMap<>();
        Set<String> withErrors = new TreeSet<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) {
                continue;
            }
            DrlParser parser = new DrlParser();
            PackageDescr tree = parse(parser, file.content());
            if (tree != null && !parser.hasErrors()) {
                parsed.put(file.name(), tree);
                continue;
            }
            withErrors.add(file.name());
            List<RuleProblem> found = blockByBlock(file);
            if (found.isEmpty()) {
                // The blocks parse alone but not together (a header error, say): Drools' own report.
                parser.getErrors().forEach(e -> found.add(problem(file, e)));
            }
            problems.addAll(found);
        }
        return new DrlSyntax(parsed, withErrors, problems);
    }

    /** The syntax trees of the files that parse, by file name. */
    Map<String, PackageDescr> parsed() {
        return parsed;
    }

    /** Files with a syntax error: their compile errors are replaced by this class's, which name the right lines. */
    Set<String> filesWithErrors() {
        return filesWithErrors;
    }

    List<RuleProblem> problems() {
        return problems;
    }

    private static PackageDescr parse(DrlParser parser, String text) {
        try {
            return parser.parse(null, text);
        } catch (DroolsParserException e) {
            return null;
        }
    }

    private static List<RuleProblem> blockByBlock(RuleFile file) {
        String[] lines = file.content().split("\n", -1);
        List<int[]> blocks = new ArrayList<>();
        List<int[]> unclosed = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < lines.length; i++) {
            if (OPENS_BLOCK.matcher(lines[i]).matches()) {
                if (open >= 0) {
                    problems.add(unclosed(file, lines, open, i));
                    unclosed.add(new int[] {open, i - 1});
                }
                open = i;
            } else if (open >= 0 && ENDS_BLOCK.matcher(lines[i]).matches()) {
                blocks.add(new int[] {open, i});
                open = -1;
            }
        }
        if (open >= 0) {
            problems.add(unclosed(file, lines, open, lines.length));
            unclosed.add(new int[] {open, lines.length - 1});
        }
        List<int[]> all = new ArrayList<>(blocks);
        all.addAll(unclosed);
        for (int[] block : blocks) {
            String alone = withOnly(lines, all, block);
            DrlParser parser = new DrlParser();
            parse(parser, alone);
            parser.getErrors().stream().findFirst().ifPresent(e -> problems.add(problem(file, e)));
        }
        return problems;
    }

    /** A block opened at line {@code open} that has no {@code end} before line {@code next}. */
    private static RuleProblem unclosed(RuleFile file, String[] lines, int open, int next) {
        String name = lines[open].strip();
        for (int i = next - 1; i > open; i--) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            if (ONE_WORD.matcher(line).matches()) {
                return new RuleProblem(file.name(), i + 1, RuleDiagnostic.RULE_NOT_CLOSED,
                        "'" + line + "' where 'end' should close " + name + " (line " + (open + 1) + ")");
            }
            break;
        }
        return new RuleProblem(file.name(), open + 1, RuleDiagnostic.RULE_NOT_CLOSED,
                name + " has no 'end' before " + (next < lines.length ? "line " + (next + 1) : "the end of the file"));
    }

    /** The file with every block but {@code keep} blanked, line for line. */
    private static String withOnly(String[] lines, List<int[]> blocks, int[] keep) {
        boolean[] blank = new boolean[lines.length];
        for (int[] block : blocks) {
            if (block != keep) {
                for (int i = block[0]; i <= block[1]; i++) {
                    blank[i] = true;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(blank[i] ? "" : lines[i]).append('\n');
        }
        return text.toString();
    }

    private static RuleProblem problem(RuleFile file, DroolsError error) {
        int line = error instanceof ParserError p ? p.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
        return new RuleProblem(file.name(), line, RuleDiagnostic.DRL_COMPILE_ERROR, error.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
