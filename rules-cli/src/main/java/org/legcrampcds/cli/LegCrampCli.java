package org.legcrampcds.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.legcrampcds.cdshooks.CdsHooksConfigException;
import org.legcrampcds.engine.RuleBaseException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Spec;

/**
 * The {@code leg-cramp-cds} command line (interfaces.md §2):
 * {@code assess [--format text|json] [--rules DIR] PATH...}, and for rule authors
 * {@code export-rules DIR}, {@code validate DIR}, {@code check PATH...} and {@code coverage PATH...}, and
 * {@code serve} for the CDS Hooks service.
 *
 * <p>Exit status: 0 when every case was assessed; 2 when at least one case was invalid or its JSON
 * malformed, or an input could not be read or held no case (the others are still assessed and
 * printed); 1 for any other failure, such as rules that do not compile or a bad command line, always
 * with a {@code CODE message} line on standard error (docs/diagnostics.md) and never a stack trace.
 * Standard output carries results only, in UTF-8.
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
                .setParameterExceptionHandler(LegCrampCli::badCommandLine)
                .setExecutionExceptionHandler(LegCrampCli::failed);
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Every failure of a command, in one place: a {@link CommandFailure} is its {@code CODE message}
     * line and exit status; rules that cannot be built list their problems (each with its
     * {@code LCC-R} code); a service that cannot start says why with its {@code LCC-H} code; anything
     * else is a defect, reported in one line, never as a stack trace.
     */
    private static int failed(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof CommandFailure failure) {
            err.println(NAME + ": " + failure.line());
            return failure.exitStatus();
        }
        if (e instanceof RuleBaseException || e instanceof CdsHooksConfigException) {
            err.println(NAME + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        err.println(NAME + ": " + CliDiagnostic.INTERNAL_ERROR.code() + " " + command.getCommandName() + " failed: " + e);
        return ExitCodes.FAILURE;
    }

    /**
     * A command line picocli cannot parse: one {@code CODE message} line (with picocli's suggestion
     * for a misspelt option or subcommand) and where to find the usage, rather than the whole help.
     */
    private static int badCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(NAME + ": " + CliDiagnostic.BAD_COMMAND_LINE.code() + " " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Without a subcommand there is nothing to do: a usage error that names every subcommand. */
    @Override
    public Integer call() {
        List<String> names = List.copyOf(spec.subcommands().keySet());
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: " + list);
    }
}
