package org.legcrampcds.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code leg-cramp-cds} command line (interfaces.md §2):
 * {@code assess [--format text|json] [--rules DIR] PATH...}, and for rule authors
 * {@code export-rules DIR}, {@code validate DIR}, {@code check PATH...} and {@code coverage PATH...}.
 *
 * <p>Exit status: 0 when every case was assessed; 2 when at least one case was invalid or its JSON
 * malformed (the others are still assessed and printed); 1 for any other failure, such as an
 * unreadable path, rules that do not compile or a bad command line, always with a message on
 * standard error and never a stack trace. Standard output carries results only, in UTF-8.
 */
@Command(name = "leg-cramp-cds",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        description = "Clinical decision support for nocturnal leg cramps: red flags, likely causes, "
                + "medication review, investigations and safe self-care advice. It supports, and never "
                + "replaces, the judgement of a clinician.",
        footer = {"", "Run 'leg-cramp-cds assess --help' for the case formats and exit codes."})
public final class LegCrampCli implements Callable<Integer> {

    /** The name messages on standard error start with. */
    static final String NAME = "leg-cramp-cds";

    private static final int OUTPUT_BUFFER_CHARS = 1 << 16;

    @Spec
    private CommandSpec spec;

    private LegCrampCli() {
    }

    /** Runs the command line and exits the JVM with its status. */
    public static void main(String[] args) {
        // Results are buffered (a flush per case would be a system call per case) and flushed at the
        // end, or after each case when a person reads them as they come (see Terminal).
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                OUTPUT_BUFFER_CHARS));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, System.in, out, err, Terminal.detect()));
    }

    /**
     * Runs the command line without exiting, for embedding and tests.
     *
     * @param args  the arguments, for example {@code assess --format json cases/}
     * @param stdin where {@code -} reads JSON Lines from
     * @param out   results: the report or one JSON line per case
     * @param err   messages about failures
     * @return the exit status: 0, 1 or 2 as described on the class
     */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        return run(args, stdin, out, err, Terminal.NONE);
    }

    /** The same, knowing whether a person watches the output and where a progress bar may go. */
    static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, Terminal terminal) {
        CommandLine commandLine = new CommandLine(new LegCrampCli())
                .addSubcommand(new AssessCommand(stdin, terminal))
                .addSubcommand(new ServeCommand())
                .addSubcommand(new ExportRulesCommand())
                .addSubcommand(new ValidateCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new CoverageCommand())
                .addSubcommand(new ImpactCommand(stdin))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    failed.getErr().println(NAME + ": " + e);
                    return ExitCodes.FAILURE;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: assess, export-rules, validate, check or coverage");
    }
}
