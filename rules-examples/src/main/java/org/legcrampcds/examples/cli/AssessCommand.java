package org.legcrampcds.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.ParallelAssessor;
import org.legcrampcds.fhir.CaseInputs;
import org.legcrampcds.json.PendingCase;
import org.legcrampcds.model.Assessment;
import org.legcrampcds.model.ReadResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
            "Exit status: 0 every case was assessed; 2 at least one case was invalid (the others were "
                + "still assessed and printed); 1 any other failure, such as an unreadable PATH or rules "
                + "that do not compile."})
final class AssessCommand implements Callable<Integer> {

    /** The output formats of interfaces.md §2. */
    enum Format {
        TEXT(TextReport::new), JSON(JsonLinesReport::new);

        private final Function<PrintWriter, Report> report;

        Format(Function<PrintWriter, Report> report) {
            this.report = report;
        }
    }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text: a report for reading (default); json: one JSON object per case, one per line.")
    private Format format;

    @Mixin
    private RuleBaseOption rules;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The date ages and day counts of FHIR input are taken at (default: today, UTC).")
    private LocalDate asOf;

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
        // Checked before the rule base is built, so that a mistyped path fails at once.
        for (String path : paths) {
            if (!isStdin(path) && !Files.isReadable(Path.of(path))) {
                err.println(LegCrampCli.NAME + ": cannot read " + path + ": no such file or directory, or not readable");
                return ExitCodes.FAILURE;
            }
        }
        if (threads != null && threads < 1) {
            err.println(LegCrampCli.NAME + ": --threads " + threads + ": must be at least 1");
            return ExitCodes.FAILURE;
        }
        CrampAssessor assessor = rules.assessorOrReport(err);
        if (assessor == null) {
            return ExitCodes.FAILURE;
        }
        Run run = new Run(assessor, new ResultWriter(format.report, out, terminal.interactive()), err);
        for (String path : paths) {
            run.read(path);
        }
        return run.finish();
    }

    private static boolean isStdin(String path) {
        return "-".equals(path);
    }

    /** One run over all the paths, read by the library's {@link CaseInputs}: what it has seen decides the exit status. */
    private final class Run {
        private final CrampAssessor assessor;
        private final ResultWriter results;
        private final PrintWriter err;
        private final CaseInputs inputs = CaseInputs.at(asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf);
        private final Tally tally = new Tally();
        private final JsonLinesBatch batch;
        private boolean readJsonLines;

        Run(CrampAssessor assessor, ResultWriter results, PrintWriter err) {
            this.assessor = assessor;
            this.results = results;
            this.err = err;
            ParallelAssessor parallel = ParallelAssessor.of(assessor);
            parallel = threads == null ? parallel : parallel.withThreads(threads);
            // A person typing cases wants each answered before typing the next: no read-ahead.
            this.batch = new JsonLinesBatch(terminal.interactive() ? parallel.withWindow(1) : parallel, results, tally, err);
        }

        void read(String path) {
            try (CaseInputs.Cases cases = isStdin(path) ? inputs.jsonLines(stdin, "stdin") : inputs.open(Path.of(path))) {
                if (cases.isJsonLines()) {
                    jsonLines(cases, isStdin(path) ? "stdin" : Path.of(path).getFileName().toString());
                    return;
                }
                if (cases.isDirectory() && !cases.hasNext()) {
                    err.println(LegCrampCli.NAME + ": note: no *.json case files in " + path);
                }
                while (cases.hasNext()) {
                    PendingCase pending = cases.next();
                    try {
                        report(pending.read());
                    } catch (UncheckedIOException e) {
                        cannotRead(path, e.getCause());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                cannotRead(path, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
            }
        }

        /** JSON Lines: assessed on every core, written in input order. */
        private void jsonLines(CaseInputs.Cases cases, String name) throws IOException {
            readJsonLines = true;
            try (BatchProgress progress = BatchProgress.on(terminal.progress(), name)) {
                batch.run(cases, progress);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println(LegCrampCli.NAME + ": interrupted while assessing " + name);
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
                err.println(LegCrampCli.NAME + ": case " + result.caseId() + " could not be assessed: " + e);
                tally.failedCase();
                return;
            }
            results.write(results.render(report -> report.assessed(assessment, accepted)));
            tally.assessed();
        }

        private void cannotRead(String path, IOException e) {
            err.println(LegCrampCli.NAME + ": cannot read " + path + ": " + e);
            tally.failure();
        }

        /**
         * Closes the report and decides the exit status; a run that read no case at all says so. After
         * JSON Lines, a batch, standard error gets the closing summary (counts only).
         */
        int finish() {
            if (tally.nothingSeen()) {
                err.println(LegCrampCli.NAME + ": no cases in the input: nothing was assessed");
            }
            results.finish(tally.assessedCount(), tally.invalidCount());
            if (readJsonLines) {
                err.println(LegCrampCli.NAME + ": " + tally.summary());
            }
            return tally.exitStatus();
        }
    }
}
