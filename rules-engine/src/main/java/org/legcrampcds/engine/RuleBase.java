package org.legcrampcds.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.legcrampcds.rules.Threshold;
import org.legcrampcds.rules.Thresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled and checked rule base: immutable, thread-safe, and named by its
 * {@link #rulesetVersion()}. Built once from a {@link RuleSource}, it has passed every check of
 * {@link #validate(RuleSource)}; a source with any problem never becomes a rule base, so it never
 * assesses a patient. Share one between assessors and threads.
 *
 * <pre>{@code
 * RuleBase rules = RuleBase.build(RuleSource.directory(Path.of("my-rules")));
 * CrampAssessor assessor = CrampAssessor.on(rules);
 * }</pre>
 *
 * <p>Each build is a KIE module of its own, taken out of Drools' JVM-wide repository as soon as
 * it is compiled, so concurrent builds never see each other's rules and a dropped rule base is
 * garbage like any other object.
 */
public final class RuleBase {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBase.class);

    private final RuleSource source;
    private final KieBase kieBase;
    private final RuleCatalog catalog;
    private final Thresholds thresholds;
    private final String rulesetVersion;
    private final boolean precompiled;
    private final SourceRegister.Register register;

    private RuleBase(RuleSource source, Inspection inspection, String rulesetVersion) {
        this.source = source;
        this.kieBase = inspection.kieBase();
        this.catalog = inspection.catalog();
        this.thresholds = inspection.thresholds();
        this.rulesetVersion = rulesetVersion;
        this.precompiled = inspection.precompiled();
        this.register = inspection.register();
    }

    /** The rule base built into the library. */
    public static RuleBase builtIn() {
        return build(RuleSource.builtIn());
    }

    /**
     * Compiles and checks the rules of {@code source}.
     *
     * @throws RuleBaseException naming file, line, code and message of every problem found
     */
    public static RuleBase build(RuleSource source) {
        Objects.requireNonNull(source, "source");
        long start = System.nanoTime();
        String version = RulesetVersion.of(source.ruleFiles());
        Inspection inspection = inspect(source, true);
        if (!inspection.problems().isEmpty()) {
            throw new RuleBaseException(inspection.problems());
        }
        RuleBase ruleBase = new RuleBase(source, inspection, version);
        LOG.info("rule base {} built from {} ({}): {} rules in {} ms", version, source,
                ruleBase.precompiled ? "precompiled executable model" : "DRL compiled now", inspection.catalog().rules().size(),
                (System.nanoTime() - start) / 1_000_000);
        return ruleBase;
    }

    /**
     * Every problem of {@code source}: compile errors, metadata and text checks, the threshold table,
     * and the lint of {@code docs/diagnostics.md}, in file and line order. Empty means
     * {@link #build(RuleSource)} succeeds.
     */
    public static List<RuleProblem> validate(RuleSource source) {
        Objects.requireNonNull(source, "source");
        return inspect(source, false).problems();
    }

    /** The release version and rule-file hash that every result of this rule base names. */
    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** Every rule, by id. */
    public List<RuleInfo> rules() {
        return catalog.rules().stream().map(RuleInfo::of).sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /** The files it was built from, for example to export or to ship to another JVM. */
    public RuleSource source() {
        return source;
    }

    /**
     * How the source {@code id} (one of a finding's {@code sources}) is cited: its entry in the rule
     * base's source register ({@code sources.csv}: title, publisher, year, link), or the id alone
     * when the register does not describe it.
     */
    public Citation citation(String id) {
        return register.citation(Objects.requireNonNull(id, "id"));
    }

    /** Every entry of the source register, in register order; empty when the rule base has none. */
    public List<Citation> citations() {
        return List.copyOf(register.citations().values());
    }

    /** Whether its rules are the executable model the library's build precompiled, rather than DRL compiled at run time. */
    boolean precompiled() {
        return precompiled;
    }

    KieBase kieBase() {
        return kieBase;
    }

    RuleCatalog catalog() {
        return catalog;
    }

    /** The lab decision values its rules read ({@code thresholds.csv}), in table order. */
    public List<Threshold> thresholds() {
        return thresholds.all();
    }

    Thresholds thresholdTable() {
        return thresholds;
    }

    @Override
    public String toString() {
        return "RuleBase " + rulesetVersion;
    }

    /**
     * Runs every check; later checks run on what the earlier ones could read, so one mistake is
     * reported once. With {@code precompiledWhenBuiltIn}, the built-in rules are loaded as the
     * executable model and their DRL is neither compiled nor parsed again: the library's build
     * compiled it, and its tests ran every check of {@link #validate} on the same files. The texts,
     * metadata and threshold checks still run, as they read what the assessor uses.
     */
    private static Inspection inspect(RuleSource source, boolean precompiledWhenBuiltIn) {
        List<RuleFile> files = source.ruleFiles();
        List<RuleProblem> problems = new ArrayList<>();
        Thresholds thresholds = ThresholdTable.read(files, problems);
        SourceRegister.Register register = SourceRegister.read(files, problems);
        FindingTexts texts = FindingTexts.parse(files, thresholds, problems);
        KieBase precompiled = precompiledWhenBuiltIn && source.isBuiltIn() ? PrecompiledRules.load(files) : null;
        KieBase kieBase = precompiled;
        if (precompiled == null) {
            DrlSyntax syntax = DrlSyntax.check(files);
            problems.addAll(syntax.problems());
            List<RuleProblem> compileErrors = new ArrayList<>();
            kieBase = RuleBaseCompiler.compile(files, compileErrors);
            List<RuleProblem> lint = RuleLint.lint(syntax.parsed(), CatalogueCodeList.codes(), register, thresholds,
                    syntax.filesWithErrors().isEmpty());
            // Drools' report of a syntax error names the wrong line, and that of an unknown state often none;
            // DrlSyntax and the lint have reported each at the right line, with what to write instead.
            compileErrors.stream().filter(p -> !syntax.filesWithErrors().contains(p.file()) && !reportedByLint(p, lint))
                    .forEach(problems::add);
            problems.addAll(lint);
        }
        RuleCatalog catalog = kieBase == null ? null : RuleCatalog.read(kieBase, texts, files, problems);
        return new Inspection(kieBase, precompiled != null, catalog, thresholds, register,
                problems.stream().distinct().sorted(RuleProblem.BY_LOCATION).toList());
    }

    /** Whether a compile error is Drools' account of an unknown state that the lint reported in the same file. */
    private static boolean reportedByLint(RuleProblem compileError, List<RuleProblem> lint) {
        return lint.stream().filter(p -> p.diagnostic() == RuleDiagnostic.UNKNOWN_STATE && p.file().equals(compileError.file()))
                .map(p -> RuleLint.unknownStateOf(p.message()))
                .anyMatch(state -> state != null && Pattern.compile("\\b" + Pattern.quote(state) + "\\b").matcher(compileError.message()).find());
    }

    private record Inspection(KieBase kieBase, boolean precompiled, RuleCatalog catalog, Thresholds thresholds,
                              SourceRegister.Register register, List<RuleProblem> problems) {
    }
}
