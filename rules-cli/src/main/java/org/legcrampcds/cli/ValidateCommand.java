package org.legcrampcds.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleDiagnostic;
import org.legcrampcds.engine.RuleProblem;
import org.legcrampcds.engine.RuleSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate DIR}: compile and lint a rule directory, every problem at its line. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        description = "Compile and lint the rule files in DIR and print every problem as FILE:LINE: CODE message "
                + "(codes in docs/diagnostics.md).",
        footer = {"", "Exit status: 0 no problem; 1 at least one problem, or DIR could not be read."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The rule directory, for example one written by export-rules.")
    private Path directory;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new CommandFailure(RuleDiagnostic.UNREADABLE_RULES, directory + ": not a directory");
        }
        List<RuleProblem> problems;
        try {
            problems = RuleBase.validate(RuleSource.directory(directory));
        } catch (RuleBaseException e) {
            problems = e.problems();
        }
        problems.forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getErr().println(problems.isEmpty() ? directory + ": no problems"
                : directory + ": " + Words.count(problems.size(), "problem"));
        return problems.isEmpty() ? ExitCodes.ASSESSED : ExitCodes.FAILURE;
    }
}
