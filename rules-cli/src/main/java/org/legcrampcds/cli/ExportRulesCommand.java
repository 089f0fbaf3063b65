package org.legcrampcds.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.legcrampcds.engine.RuleSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export-rules DIR}: the built-in rule base as a working copy to edit. */
@Command(name = "export-rules",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        description = "Write the built-in rule base (DRL rules, finding texts, thresholds.csv, sources.csv) into DIR, "
                + "as a working copy for --rules DIR.",
        footer = {"", "DIR is created if needed; a file already there is never overwritten.",
            "Exit status: 0 written; 1 DIR could not be written."})
final class ExportRulesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The directory to write the rule files into.")
    private Path directory;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        RuleSource builtIn = RuleSource.builtIn();
        try {
            builtIn.writeTo(directory);
        } catch (IOException e) {
            throw new CommandFailure(CliDiagnostic.CANNOT_WRITE, "cannot export to " + directory + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("exported " + Words.count(builtIn.files().size(), "rule file") + " to " + directory);
        return ExitCodes.ASSESSED;
    }
}
