package org.legcrampcds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.ParallelAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.options.AsOfOption;
import org.legcrampcds.engine.options.RulesOption;
import org.legcrampcds.fhir.CaseInputs;
import org.legcrampcds.json.PendingCase;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assess [--format text|json] [--rules DIR] PATH...}: reads every case in input order,
 * assesses the valid ones with one assessor built for the run, and reports each case in input
 * order, an invalid one as an error naming its field. JSON Lines input is a batch: its cases are
 * read, assessed and rendered on every core in constant memory ({@link JsonLinesBatch}), with a
 * progress bar when standard error is a terminal and a closing summary on standard error.
 */
@Command(name = "assess",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        sortOptions = false,
        description = "Assess patient cases and report the findings, each with its action, evidence and sources.",
        footer = {
            "",
            "PATH is a case file (*.json), a directory (every *.json in it, by name, not recursive), "
                + "a JSON Lines file (*.jsonl, one case per line) or - for JSON Lines on standard input. "
                + "A case without an id is named by its file name, or in JSON Lines by its line number. "
                + "A *.json file whose resourceType is Bundle is FHIR R4, mapped at --as-of; its result adds "
                + "asOf, unmapped and notRecorded.",
            "",
            "JSON Lines input is assessed on all processors (see --threads), results in input order. "
                + "Standard error then shows a progress bar when it is a terminal, and at the end a summary: "
                + "cases, seconds, cases/s, assessed and invalid.",
            "",
            "Exit status: 0 every case was assessed; 2 at least one case was invalid, or a PATH could not be "
                + "read or held no case (the others were still assessed and printed); 1 any other failure, such as "
                + "rules that do not compile. Each problem is a line 'leg-cramp-cds: CODE message' on standard "
                + "error (codes in docs/diagnostics.md)."})
final class AssessCommand implements Callable<Integer> {

    /** The output formats of interfaces.md §2. */
    enum Format {
        TEXT(TextReport::new), JSON((out, rules) -> new JsonLinesReport(out));

        /** The report on an output, citing sources by the register of the rule base that assesses. */
        private final BiFunction<PrintWriter, RuleBase, Report> report;

        Format(BiFunction<PrintWriter, RuleBase, Report> report) {
            this.report = report;
        }
    }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: a report for reading (default); json: one JSON object per case, one per line.")
    private Format format;

    @Mixin
    private RulesOption rules;

    @Mixin
    private AsOfOption asOf;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that assess JSON Lines input (default: one per processor).")
    private Integer threads;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Cases to assess; see below.")
    private List<String> paths;

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;
    private final Terminal terminal;

    AssessCommand(InputStream stdin, Terminal terminal) {
        this.stdin = stdin;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads " + threads + ": must be at least 1");
        }
        // interfaces.md section 2 (2.3): a PATH that cannot be read is an error line with its code, and the
        // others are still assessed (exit 2). Looked at before the rule base is built, so that a run whose
        // every PATH is mistyped says so at once.
        Tally tally = new Tally();
        List<String> readable = new ArrayList<>();
        for (String path : paths) {
            if (isStdin(path) || Files.isReadable(Path.of(path))) {
                readable.add(path);
            } else {
                inputProblem(err, tally, CliDiagnostic.UNREADABLE_INPUT, "cannot read " + path + ": no such file or directory, or not readable");
            }
        }
        if (readable.isEmpty()) {
            new ResultWriter(w -> format.report.apply(w, RuleBase.builtIn()), out, terminal.interactive()).finish(0, 0);
            return tally.exitStatus();
        }
        CrampAssessor assessor = CrampAssessor.on(RuleBase.build(rules.source()));
        ResultWriter results = new ResultWriter(w -> format.report.apply(w, assessor.ruleBase()), out, terminal.interactive());
        Run run = new Run(assessor, results, err, tally);
        for (String path : readable) {
            run.read(path);
        }
        return run.finish();
    }

    /** An input that gave no case: its {@code CODE message} line, and the run exits 2 (interfaces.md section 2, 2.3). */
    private static void inputProblem(PrintWriter err, Tally tally, CliDiagnostic diagnostic, String message) {
        err.println(LegCrampCli.NAME + ": " + diagnostic.code() + " " + message);
        tally.inputProblem();
    }

    private static boolean isStdin(String path) {
        return "-".equals(path);
    }

    /** One run over all the paths, read by the library's {@link CaseInputs}: what it has seen decides the exit status. */
    private final class Run {
        private final CrampAssessor assessor;
        private final ResultWriter results;
        private final PrintWriter err;
        private final CaseInputs inputs = CaseInputs.at(asOf.dateOrToday());
        private final Tally tally;
        private final JsonLinesBatch batch;
        private boolean readJsonLines;

        Run(CrampAssessor assessor, ResultWriter results, PrintWriter err, Tally tally) {
            this.assessor = assessor;
            this.results = results;
            this.err = err;
            this.tally = tally;
            ParallelAssessor parallel = ParallelAssessor.of(assessor);
            parallel = threads == null ? parallel : parallel.withThreads(threads);
            // A person typing cases wants each answered before typing the next: no read-ahead.
            this.batch = new JsonLinesBatch(terminal.interactive() ? parallel.withWindow(1) : parallel, results, tally, err);
        }

        /** Reads one PATH; an input that turns out to hold no case at all is said to (exit 2). */
        void read(String path) {
            int casesBefore = tally.casesSeen();
            try (CaseInputs.Cases cases = isStdin(path) ? inputs.jsonLines(stdin, "stdin") : inputs.open(Path.of(path))) {
                if (cases.isJsonLines()) {
                    jsonLines(cases, isStdin(path) ? "stdin" : Path.of(path).getFileName().toString());
                } else if (cases.isDirectory() && !cases.hasNext()) {
                    inputProblem(err, tally, CliDiagnostic.NO_CASE_FILES,
                            "no *.json case file in " + path + " (directories are not read recursively)");
                    return;
                } else {
                    while (cases.hasNext()) {
                        PendingCase pending = cases.next();
                        try {
                            report(pending.read());
                        } catch (UncheckedIOException e) {
                            cannotRead(path, e.getCause());
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                cannotRead(path, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
                return;
            }
            if (tally.casesSeen() == casesBefore) {
                inputProblem(err, tally, CliDiagnostic.NO_CASE, "no case in " + (isStdin(path) ? "standard input" : path));
            }
        }

        /** JSON Lines: assessed on every core, written in input order. */
        private void jsonLines(CaseInputs.Cases cases, String name) throws IOException {
            readJsonLines = true;
            try (BatchProgress progress = BatchProgress.on(terminal.progress(), name)) {
                batch.run(cases, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println(LegCrampCli.NAME + ": " + CliDiagnostic.INTERNAL_ERROR.code() + " interrupted while assessing " + name);
                tally.failure();
            }
        }

        /** A case of any format (a rejected Bundle is an invalid case like any other). */
        private void report(ReadResult result) {
            if (!(result instanceof ReadResult.Accepted accepted)) {
                results.write(results.render(report -> report.rejected(result.caseId(), result.errors())));
                tally.invalid();
                return;
            }
            Assessment assessment;
            try {
                assessment = assessor.assess(accepted.patientCase());
            } catch (RuntimeException e) {
                // A defect, not bad input: say so and go on with the other cases.
                err.println(LegCrampCli.NAME + ": " + CliDiagnostic.INTERNAL_ERROR.code() + " case " + result.caseId()
                        + " could not be assessed: " + e);
                tally.failedCase();
                return;
            }
            results.write(results.render(report -> report.assessed(assessment, accepted)));
            tally.assessed();
        }

        /** An input that failed while being read: the cases before it stand, the run goes on and exits 2. */
        private void cannotRead(String path, IOException e) {
            inputProblem(err, tally, CliDiagnostic.UNREADABLE_INPUT, "cannot read " + path + ": " + e.getMessage());
        }

        /**
         * Closes the report and decides the exit status. After JSON Lines, a batch, standard error gets
         * the closing summary (counts only).
         */
        int finish() {
            results.finish(tally.assessedCount(), tally.invalidCount());
            if (readJsonLines) {
                err.println(LegCrampCli.NAME + ": " + tally.summary());
            }
            return tally.exitStatus();
        }
    }
}
