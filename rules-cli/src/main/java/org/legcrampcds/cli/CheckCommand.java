package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.engine.CrampAssessor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check PATH... [--rules DIR]}: the regression gate, fixture cases against their expect blocks. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        sortOptions = false,
        description = "Run fixture cases (case files with an expect block) and print every difference as "
                + "FIXTURE: CODE-OR-FIELD: what differed.",
        footer = {"",
            "PATH is a *.json fixture or a directory of them (by name, not recursive). An expect block holds "
                + "present/absent lists of codes, or a complete result (with highestUrgency); see docs/rule-authoring.md.",
            "Exit status: 0 every fixture matched; 1 a fixture differed, no fixture had an expect block, or the "
                + "rules or a PATH could not be read."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    private RuleBaseOption rules;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Fixture files or directories.")
    private List<Path> paths;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FixtureCheck check = fixturesOrReport(paths, err);
        if (check == null) {
            return ExitCodes.FAILURE;
        }
        CrampAssessor assessor = rules.assessorOrReport(err);
        if (assessor == null) {
            return ExitCodes.FAILURE;
        }
        FixtureCheck.CheckResult result = check.run(assessor);
        result.mismatches().forEach(out::println);
        result.withoutExpectation().forEach(name -> err.println(LegCrampCli.NAME + ": note: " + name + " has no expect block; not checked"));
        out.println("checked " + result.checked() + " fixture(s) on rule base " + result.rulesetVersion() + ": "
                + result.matched() + " matched, " + (result.checked() - result.matched()) + " differed ("
                + result.mismatches().size() + " difference(s))");
        if (result.checked() == 0) {
            err.println(LegCrampCli.NAME + ": no fixture with an expect block: nothing was checked");
        }
        return result.passed() ? ExitCodes.ASSESSED : ExitCodes.FAILURE;
    }

    /** The fixtures of {@code paths}, or {@code null} after saying on {@code err} which path could not be read (check and coverage). */
    static FixtureCheck fixturesOrReport(List<Path> paths, PrintWriter err) {
        try {
            for (Path path : paths) {
                if (!Files.isReadable(path)) {
                    throw new IOException(path + ": no such file or directory, or not readable");
                }
            }
            return FixtureCheck.of(paths);
        } catch (IOException e) {
            err.println(LegCrampCli.NAME + ": cannot read " + e.getMessage());
            return null;
        }
    }
}
