package org.legcrampcds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.authoring.ImpactAnalysis;
import org.legcrampcds.authoring.ImpactReport;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleDiagnostic;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.engine.options.AsOfOption;
import org.legcrampcds.fhir.CaseInputs;
import org.legcrampcds.model.ReadResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code impact --rules NEW [--baseline DIR] [--as-of DATE] [--format text|json|html] [--output FILE] PATH...}:
 * what a rule change does to real patients. Every case is assessed on the rules in use (the built-in
 * rules, or {@code --baseline}) and on the proposed rules, and the report lists, per patient whose
 * result changes, the findings gained and lost with their evidence, the change of highest urgency,
 * the advice withheld differently and the questions asked differently, then a summary per finding
 * code. The HTML page is self-contained, for a clinical safety officer's sign-off.
 */
@Command(name = "impact",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        sortOptions = false,
        description = "Assess the same patients on the rules in use and on proposed rules, and report who gains or "
                + "loses which finding, whose highest urgency changes, and why (the evidence).",
        footer = {"",
            "PATH is a case file (*.json), a directory (every *.json in it, by name, not recursive), a JSON Lines file "
                + "(*.jsonl) or - for JSON Lines on standard input; a *.json file whose resourceType is Bundle is FHIR R4, "
                + "mapped at --as-of. A finding whose words or evidence differ but which both rule bases give is counted "
                + "as reworded, not as a change.",
            "",
            "Exit status: 0 every case was compared and no patient's result changes; 3 every case was compared and at "
                + "least one patient's result changes; 2 some input was invalid (reported; the others were compared); "
                + "1 any other failure, such as rules that do not compile, an unreadable PATH or an unwritable --output."})
final class ImpactCommand implements Callable<Integer> {

    /** Every case compared, and at least one patient's result changes. */
    static final int CHANGED = 3;

    /** The formats of the report. */
    enum Format { TEXT, JSON, HTML }

    @Option(names = "--rules", paramLabel = "NEW", required = true,
            description = "The proposed rule files (for example a copy written by export-rules and edited).")
    private Path candidateDirectory;

    @Option(names = "--baseline", paramLabel = "DIR",
            description = "The rules in use (default: the built-in rule base).")
    private @Nullable Path baselineDirectory;

    @Mixin
    private AsOfOption asOf;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "text (default), json (one JSON document) or html (one self-contained page for sign-off).")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private @Nullable Path output;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Cases to compare; see below.")
    private List<String> paths;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    ImpactCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String path : paths) {
            if (!"-".equals(path) && !Files.isReadable(Path.of(path))) {
                err.println(LegCrampCli.NAME + ": cannot read " + path + ": no such file or directory, or not readable");
                return ExitCodes.FAILURE;
            }
        }
        CrampAssessor baseline = assessorOrReport("--baseline", baselineDirectory, err);
        CrampAssessor candidate = baseline == null ? null : assessorOrReport("--rules", candidateDirectory, err);
        if (baseline == null || candidate == null) {
            return ExitCodes.FAILURE;
        }
        CaseInputs inputs = CaseInputs.at(asOf.dateOrToday());
        ImpactAnalysis impact = ImpactAnalysis.between(baseline, candidate);
        try {
            for (String path : paths) {
                read(path, impact, inputs);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println(LegCrampCli.NAME + ": cannot read the input: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        ImpactReport report = impact.report();
        Run run = new Run(report, describe(baselineDirectory), describe(candidateDirectory), paths, inputs.asOf(),
                LocalDate.now(ZoneOffset.UTC));
        String rendered = switch (format) {
            case TEXT -> ImpactText.render(run);
            case JSON -> ImpactJson.render(run);
            case HTML -> ImpactHtml.render(run);
        };
        if (output == null) {
            out.print(rendered);
        } else {
            try {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(LegCrampCli.NAME + ": cannot write " + output + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        if (report.compared() == 0 && report.rejected().isEmpty()) {
            err.println(LegCrampCli.NAME + ": no cases in the input: nothing was compared");
            return ExitCodes.INVALID_CASE;
        }
        if (!report.rejected().isEmpty()) {
            err.println(LegCrampCli.NAME + ": " + report.rejected().size() + " input(s) invalid, not compared (listed in the report)");
            return ExitCodes.INVALID_CASE;
        }
        return report.noChange() ? ExitCodes.ASSESSED : CHANGED;
    }

    /**
     * One comparison as the renderers show it.
     *
     * @param report    what changes
     * @param baseline  where the rules in use came from
     * @param candidate where the proposed rules came from
     * @param inputs    the PATHs, as given
     * @param asOf      the date FHIR input was mapped at
     * @param date      the day the report was made (UTC)
     */
    record Run(ImpactReport report, String baseline, String candidate, List<String> inputs, LocalDate asOf, LocalDate date) {
    }

    private static String describe(@Nullable Path directory) {
        return directory == null ? "built-in rules" : directory.toString();
    }

    private static @Nullable CrampAssessor assessorOrReport(String option, @Nullable Path directory, PrintWriter err) {
        if (directory != null && !Files.isDirectory(directory)) {
            err.println(LegCrampCli.NAME + ": " + option + " " + directory + ": " + RuleDiagnostic.UNREADABLE_RULES.code()
                    + " not a directory");
            return null;
        }
        try {
            return CrampAssessor.on(RuleBase.build(directory == null ? RuleSource.builtIn() : RuleSource.directory(directory)));
        } catch (RuleBaseException e) {
            err.println(LegCrampCli.NAME + ": " + e.getMessage());
            return null;
        }
    }

    /** Every case of one PATH, in any format the library reads (its one input seam, {@link CaseInputs}). */
    private void read(String path, ImpactAnalysis impact, CaseInputs inputs) throws IOException {
        try (CaseInputs.Cases cases = "-".equals(path) ? inputs.jsonLines(stdin, "stdin") : inputs.open(Path.of(path))) {
            while (cases.hasNext()) {
                ReadResult result = cases.next().read();
                record(result, inputName(result.source()), impact);
            }
        }
    }

    /** The input a case came from, without a JSON Lines line number: a file name or "stdin". */
    private static String inputName(String source) {
        int line = source.lastIndexOf(':');
        return line > 0 && source.substring(line + 1).chars().allMatch(Character::isDigit) ? source.substring(0, line) : source;
    }

    private static void record(ReadResult result, String input, ImpactAnalysis impact) {
        if (result instanceof ReadResult.Accepted accepted) {
            impact.compare(accepted.patientCase(), input);
        } else {
            impact.rejected(result.caseId(), input, result.errors());
        }
    }
}
