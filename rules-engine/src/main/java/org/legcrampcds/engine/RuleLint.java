package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.jspecify.annotations.Nullable;
import org.legcrampcds.model.Spelling;
import org.legcrampcds.rules.State;
import org.legcrampcds.rules.Thresholds;

/**
 * The checks of {@code validate} beyond what compiles: a rule that compiles can still never fire,
 * or cite what no reviewer can look up. Each problem is reported at the line of the mistake:
 * <ul>
 *   <li>a {@code @code} that is not a catalogue code ({@link RuleDiagnostic#CODE_NOT_IN_CATALOGUE});</li>
 *   <li>a {@code @source} id that is not in {@code sources.csv} ({@link RuleDiagnostic#UNKNOWN_SOURCE});</li>
 *   <li>a derived state (a {@link State} an {@code Indicator} carries, an {@code UpperLimit} test) read
 *       but never written, or written but never read ({@link RuleDiagnostic#STATE_NEVER_WRITTEN},
 *       {@link RuleDiagnostic#STATE_NEVER_READ});</li>
 *   <li>a state that is not a constant of {@link State}, or an indicator read by a quoted name as
 *       before states were typed ({@link RuleDiagnostic#UNKNOWN_STATE}): Drools rejects both too, but
 *       with a message that does not say what to write instead;</li>
 *   <li>a rule whose patterns name no fact the engine inserts or a rule derives
 *       ({@link RuleDiagnostic#NO_KNOWN_FACT_TYPE});</li>
 *   <li>a rule name, or a string in the consequence of a rule on labs, that states a threshold of
 *       {@code thresholds.csv} as a number ({@link RuleDiagnostic#THRESHOLD_STATED_AS_NUMBER});</li>
 *   <li>a finding rule with code in its consequence ({@link RuleDiagnostic#FINDING_RULE_HAS_CONSEQUENCE}).</li>
 * </ul>
 */
final class RuleLint {

    /** The facts a pattern can match: what {@code CrampAssessor} inserts, and what rules and the engine derive. */
    static final Set<String> FACT_TYPES = Set.of("Patient", "Cramps", "History", "Symptom", "Condition", "Medication",
            "NormalisedLab", "Indicator", "UpperLimit", "FindingFact");

    /** A derived state named in a pattern or a consequence: {@code State.K_LOW}. */
    private static final Pattern STATE = Pattern.compile("\\bState\\s*\\.\\s*([A-Z][A-Za-z0-9_]*)");
    /** The states a lab test's absence is written as, one per test: {@code State.absent( $test )}. */
    private static final Pattern WRITES_ABSENT = Pattern.compile("\\bState\\s*\\.\\s*absent\\s*\\(");
    /** An indicator read by a string name, as before states were typed (an exported copy of an older release). */
    private static final Pattern UNTYPED_READ = Pattern.compile("\\bname\\s*(?:==|in\\b)\\s*\\(?\\s*\"([^\"]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TEST_EQUALS = Pattern.compile("\\btest\\s*==\\s*LabTest\\.([A-Z_]+)");
    private static final Set<String> STATES = Arrays.stream(State.values()).map(State::name).collect(Collectors.toUnmodifiableSet());
    private static final Pattern WRITES_UPPER_LIMIT = Pattern.compile("\\bnew\\s+UpperLimit\\s*\\(\\s*LabTest\\.([A-Z_]+)");

    private RuleLint() {
    }

    /**
     * Lints the parsed DRL files.
     *
     * @param parsed         each DRL file's name and its syntax tree (files that do not parse are left out)
     * @param catalogueCodes the catalogue's finding codes
     * @param register       the source register
     * @param thresholds     the threshold table, which no rule name or lab criterion may state as a number
     * @param allParsed      whether every DRL file parsed: reads and writes of derived states are only
     *                       compared when none is missing
     */
    static List<RuleProblem> lint(Map<String, PackageDescr> parsed, Set<String> catalogueCodes, SourceRegister.Register register,
                                  Thresholds thresholds, boolean allParsed) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Location> reads = new LinkedHashMap<>();
        Map<String, Location> writes = new LinkedHashMap<>();
        boolean registerReported = false;
        for (Map.Entry<String, PackageDescr> file : parsed.entrySet()) {
            for (RuleDescr rule : file.getValue().getRules()) {
                Location at = new Location(file.getKey(), rule.getLine());
                String id = annotation(rule, RuleCatalog.ID);
                String name = id == null ? "'" + rule.getName() + "'" : id;
                String code = annotation(rule, RuleCatalog.CODE);
                if (code != null && !catalogueCodes.contains(code)) {
                    problems.add(at.problem(RuleDiagnostic.CODE_NOT_IN_CATALOGUE, "rule " + name + ": @code " + code
                            + " is not a finding code of the catalogue (clinical-catalogue.md section 5)"));
                }
                String sources = annotation(rule, RuleCatalog.SOURCE);
                if (sources != null && !register.present() && !registerReported) {
                    problems.add(at.problem(RuleDiagnostic.SOURCE_REGISTER_MALFORMED,
                            "rules cite sources, but the rule directory has no " + RuleFile.SOURCES));
                    registerReported = true;
                }
                if (sources != null && register.present()) {
                    for (String source : sources.split(";")) {
                        if (!source.isBlank() && !register.knows(source.strip())) {
                            problems.add(at.problem(RuleDiagnostic.UNKNOWN_SOURCE, "rule " + name + ": source '" + source.strip()
                                    + "' is not in " + RuleFile.SOURCES));
                        }
                    }
                }
                // The id prefix of the name is stable forever; the sentence after it states no threshold.
                String sentence = id != null && rule.getName().startsWith(id + " ") ? rule.getName().substring(id.length() + 1) : rule.getName();
                for (ThresholdMentions.Stated stated : ThresholdMentions.stated(sentence, thresholds, false)) {
                    problems.add(at.problem(RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER, "rule " + name + ": its name "
                            + stated.advice("name the threshold (" + stated.threshold().id() + ") instead, so that the name cannot go stale")));
                }
                List<PatternDescr> patterns = new ArrayList<>();
                collect(rule.getLhs(), patterns);
                // An empty condition is deliberate (self-care advice applies to everyone it is not withheld from).
                if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> FACT_TYPES.contains(simpleName(p.getObjectType())))) {
                    problems.add(at.problem(RuleDiagnostic.NO_KNOWN_FACT_TYPE, "rule " + name + " matches no fact the engine inserts or a rule derives "
                            + "(" + String.join(", ", new java.util.TreeSet<>(FACT_TYPES)) + "), so it never fires or fires for everyone"));
                }
                patterns.forEach(p -> readsOf(p, file.getKey(), reads, problems));
                String consequence = consequence(rule);
                // The parser gives the line of 'then'; the consequence's text starts on the next line.
                int thenLine = (rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine()) + 1;
                if (code != null && !consequence.strip().isEmpty()) {
                    problems.add(new Location(file.getKey(), lineIn(consequence, thenLine, firstCode(consequence))).problem(
                            RuleDiagnostic.FINDING_RULE_HAS_CONSEQUENCE, "rule " + name + " emits " + code
                                    + " and must have an empty consequence: the engine records the finding from its metadata"));
                }
                writesOf(consequence, file.getKey(), thenLine, writes, problems);
                if (patterns.stream().anyMatch(p -> "NormalisedLab".equals(simpleName(p.getObjectType())))) {
                    criteriaOf(consequence, name, file.getKey(), thenLine, thresholds, problems);
                }
            }
        }
        // A misspelt state is its own problem; comparing reads and writes would report it a second time.
        if (!allParsed || problems.stream().anyMatch(p -> p.diagnostic() == RuleDiagnostic.UNKNOWN_STATE)) {
            return problems;
        }
        reads.forEach((state, at) -> {
            if (!isWritten(state, writes)) {
                problems.add(at.problem(RuleDiagnostic.STATE_NEVER_WRITTEN, state + " is read here but no rule writes it, so this pattern never matches"));
            }
        });
        writes.forEach((state, at) -> {
            if (!isRead(state, reads)) {
                problems.add(at.problem(RuleDiagnostic.STATE_NEVER_READ, state + " is written here but no rule reads it"));
            }
        });
        return problems;
    }

    /** Every pattern of a condition, including those inside not, exists, or, collect and accumulate. */
    private static void collect(BaseDescr descr, List<PatternDescr> into) {
        if (descr instanceof PatternDescr pattern) {
            into.add(pattern);
            PatternSourceDescr source = pattern.getSource();
            if (source instanceof CollectDescr c && c.getInputPattern() != null) {
                collect(c.getInputPattern(), into);
            } else if (source instanceof AccumulateDescr a && a.getInput() != null) {
                collect(a.getInput(), into);
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collect(child, into);
            }
        }
    }

    private static void readsOf(PatternDescr pattern, String file, Map<String, Location> reads, List<RuleProblem> problems) {
        String type = simpleName(pattern.getObjectType());
        String text = constraintText(pattern);
        Location at = new Location(file, pattern.getLine());
        Matcher state = STATE.matcher(text);
        while (state.find()) {
            if (known(state.group(1), at, problems) && "Indicator".equals(type)) {
                reads.putIfAbsent("Indicator " + state.group(1), at);
            }
        }
        if ("Indicator".equals(type)) {
            Matcher untyped = UNTYPED_READ.matcher(text);
            if (untyped.find()) {
                String name = untyped.group(1);
                problems.add(at.problem(RuleDiagnostic.UNKNOWN_STATE, "Indicator states are typed: write Indicator( state == State."
                        + name + " ) instead of a name in quotes" + (STATES.contains(name) ? "" : suggestion(name))));
            }
        } else if ("UpperLimit".equals(type)) {
            Matcher test = TEST_EQUALS.matcher(text);
            while (test.find()) {
                reads.putIfAbsent("UpperLimit " + test.group(1), at);
            }
        }
    }

    /**
     * Every state a consequence names is taken as written; {@code State.absent( $test )} writes one
     * state per lab test, kept as the prefix {@code ABSENT_*}.
     */
    private static void writesOf(String consequence, String file, int thenLine, Map<String, Location> writes,
                                 List<RuleProblem> problems) {
        Matcher state = STATE.matcher(consequence);
        while (state.find()) {
            Location at = new Location(file, lineIn(consequence, thenLine, state.start()));
            if (known(state.group(1), at, problems)) {
                writes.putIfAbsent("Indicator " + state.group(1), at);
            }
        }
        Matcher absent = WRITES_ABSENT.matcher(consequence);
        while (absent.find()) {
            writes.putIfAbsent("Indicator " + State.ABSENT_PREFIX + "*", new Location(file, lineIn(consequence, thenLine, absent.start())));
        }
        Matcher limit = WRITES_UPPER_LIMIT.matcher(consequence);
        while (limit.find()) {
            writes.putIfAbsent("UpperLimit " + limit.group(1), new Location(file, lineIn(consequence, thenLine, limit.start())));
        }
    }

    /** The state an {@link RuleDiagnostic#UNKNOWN_STATE} message is about, or {@code null}. */
    static @Nullable String unknownStateOf(String message) {
        Matcher state = STATE.matcher(message);
        return state.find() ? state.group(1) : null;
    }

    /**
     * A rule on labs writes its criteria from the table ({@code thresholds.criterion( "K_LOW" )}); a
     * string in its consequence that states a threshold's value ({@code "< 3.5"}) would go stale.
     */
    private static void criteriaOf(String consequence, String rule, String file, int thenLine, Thresholds thresholds,
                                   List<RuleProblem> problems) {
        Matcher literal = STRING_LITERAL.matcher(consequence);
        while (literal.find()) {
            for (ThresholdMentions.Stated stated : ThresholdMentions.stated(literal.group(1), thresholds, true)) {
                problems.add(new Location(file, lineIn(consequence, thenLine, literal.start())).problem(RuleDiagnostic.THRESHOLD_STATED_AS_NUMBER,
                        "rule " + rule + ": the criterion \"" + literal.group(1) + "\" " + stated.advice("write "
                                + Thresholds.GLOBAL + ".criterion( \"" + stated.threshold().id() + "\" ), so that it follows the table")));
            }
        }
    }

    /** Whether {@code name} is a constant of {@link State}; if not, the problem is reported at {@code at}. */
    private static boolean known(String name, Location at, List<RuleProblem> problems) {
        if (STATES.contains(name) || name.equals("ABSENT_PREFIX")) {
            return true;
        }
        problems.add(at.problem(RuleDiagnostic.UNKNOWN_STATE, "State." + name + " is not a derived state (the constants of "
                + State.class.getName() + ")" + suggestion(name)));
        return false;
    }

    /** ", did you mean X?" for the state closest in spelling, if one is close. */
    private static String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new java.util.TreeSet<>(STATES)) {
            int d = Spelling.distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? ": did you mean " + best + "?" : "";
    }

    /** The file line of an offset in the consequence, whose first line is {@code firstLine}. */
    private static int lineIn(String consequence, int firstLine, int offset) {
        return firstLine + (int) consequence.substring(0, Math.max(0, offset)).chars().filter(c -> c == '\n').count();
    }

    private static int firstCode(String consequence) {
        Matcher code = Pattern.compile("\\S").matcher(consequence);
        return code.find() ? code.start() : 0;
    }

    private static boolean isWritten(String state, Map<String, Location> writes) {
        return writes.containsKey(state) || writes.keySet().stream()
                .anyMatch(w -> w.endsWith("*") && state.startsWith(w.substring(0, w.length() - 1)));
    }

    private static boolean isRead(String state, Map<String, Location> reads) {
        if (state.endsWith("*")) {
            String prefix = state.substring(0, state.length() - 1);
            return reads.keySet().stream().anyMatch(r -> r.startsWith(prefix));
        }
        return reads.containsKey(state);
    }

    private static String constraintText(PatternDescr pattern) {
        StringBuilder text = new StringBuilder();
        for (BaseDescr constraint : pattern.getDescrs()) {
            text.append(constraint instanceof ExprConstraintDescr e ? e.getExpression() : String.valueOf(constraint)).append(' ');
        }
        return text.toString();
    }

    /** The consequence with its comments blanked (line breaks kept, so offsets still give lines). */
    private static String consequence(RuleDescr rule) {
        Object consequence = rule.getConsequence();
        if (consequence == null) {
            return "";
        }
        String text = consequence.toString();
        Matcher comment = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*").matcher(text);
        StringBuilder blanked = new StringBuilder();
        while (comment.find()) {
            comment.appendReplacement(blanked, Matcher.quoteReplacement(comment.group().replaceAll("[^\\n]", " ")));
        }
        comment.appendTail(blanked);
        return blanked.toString();
    }

    private static String annotation(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValue() == null) {
            return null;
        }
        String value = AnnotationDescr.unquote(annotation.getSingleValue().toString()).strip();
        return value.isEmpty() ? null : value;
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }

    private record Location(String file, int line) {
        RuleProblem problem(RuleDiagnostic diagnostic, String message) {
            return new RuleProblem(file, line, diagnostic, message);
        }
    }
}
