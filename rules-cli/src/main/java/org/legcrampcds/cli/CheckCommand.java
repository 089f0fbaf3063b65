package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.options.RulesOption;

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
            "PATH is a *.json fixture or a directory of them (by name, not recursive). Each key of an expect block "
                + "is checked as written (present, absent, suppressed, suppressedBy, highestUrgency, dataRequired, "
                + "staleLabs, recordComplete); \"exact\": true makes present and suppressed the exact sets. "
                + "See docs/rule-authoring.md.",
            "Exit status: 0 every fixture matched; 1 a fixture differed, no fixture had an expect block, or the "
                + "rules or a PATH could not be read (with a CODE message line, see docs/diagnostics.md)."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Fixture files or directories.")
    private List<Path> paths;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FixtureCheck check = fixtures(paths);
        CrampAssessor assessor = CrampAssessor.on(RuleBase.build(rules.source()));
        FixtureCheck.CheckResult result = check.run(assessor);
        result.mismatches().forEach(out::println);
        result.withoutExpectation().forEach(name -> err.println(LegCrampCli.NAME + ": note: " + name + " has no expect block; not checked"));
        out.println("checked " + Words.count(result.checked(), "fixture") + " on rule base " + result.rulesetVersion() + ": "
                + result.matched() + " matched, " + (result.checked() - result.matched()) + " differed ("
                + Words.count(result.mismatches().size(), "difference") + ")");
        if (result.checked() == 0) {
            throw new CommandFailure(CliDiagnostic.NOTHING_CHECKED, "no fixture with an expect block: nothing was checked");
        }
        return result.passed() ? ExitCodes.ASSESSED : ExitCodes.FAILURE;
    }

    /** The fixtures of {@code paths} (check and coverage); a path that cannot be read fails the command. */
    static FixtureCheck fixtures(List<Path> paths) {
        for (Path path : paths) {
            if (!Files.isReadable(path)) {
                throw new CommandFailure(CliDiagnostic.UNREADABLE_INPUT, "cannot read " + path + ": no such file or directory, or not readable");
            }
        }
        try {
            return FixtureCheck.of(paths);
        } catch (IOException e) {
            throw new CommandFailure(CliDiagnostic.UNREADABLE_INPUT, "cannot read " + e.getMessage());
        }
    }
}
