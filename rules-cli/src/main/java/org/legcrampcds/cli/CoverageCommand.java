package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.authoring.RuleCoverage;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.options.RulesOption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coverage PATH... [--rules DIR] [--fail-under PCT] [--html FILE]}: which rules the cases exercise. */
@Command(name = "coverage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        sortOptions = false,
        description = "Assess the cases and report, per rule, how many fired it; the rules never fired; the codes "
                + "never produced; and the codes without a near miss (no fixture that expects the code absent).",
        footer = {"", "PATH is a *.json case or a directory of them (by name, not recursive).",
            "Exit status: 0 reported (and at or above --fail-under); 1 below --fail-under, or the rules or a PATH "
                + "could not be read."})
final class CoverageCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules;

    @Option(names = "--fail-under", paramLabel = "PCT",
            description = "Fail (exit 1) when fewer than PCT percent of the rules fired for some case.")
    private Double failUnder;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one self-contained HTML page.")
    private Path html;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Case files or directories.")
    private List<Path> paths;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (failUnder != null && (failUnder < 0 || failUnder > 100)) {
            throw new ParameterException(spec.commandLine(), "--fail-under " + failUnder + ": must be a percentage from 0 to 100");
        }
        FixtureCheck fixtures = CheckCommand.fixtures(paths);
        CrampAssessor assessor = CrampAssessor.on(RuleBase.build(rules.source()));
        RuleCoverage coverage = RuleCoverage.measure(fixtures.fixtures(), assessor);
        print(coverage, out);
        if (html != null) {
            try {
                Files.writeString(html, CoverageHtml.render(coverage), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandFailure(CliDiagnostic.CANNOT_WRITE, "cannot write " + html + ": " + e.getMessage());
            }
        }
        if (failUnder != null && coverage.percentOfRulesFired() < failUnder) {
            throw new CommandFailure(CliDiagnostic.UNDER_FAIL_UNDER, percent(coverage.percentOfRulesFired())
                    + " of rules fired, under --fail-under " + percent(failUnder));
        }
        return ExitCodes.ASSESSED;
    }

    private static void print(RuleCoverage coverage, PrintWriter out) {
        out.println("rule base " + coverage.rulesetVersion() + ": " + Words.count(coverage.casesAssessed(), "case") + " assessed, "
                + coverage.casesRejected() + " rejected");
        String file = null;
        for (RuleCoverage.RuleCount count : coverage.rules()) {
            if (!count.rule().file().equals(file)) {
                file = count.rule().file();
                out.println();
                out.println(file);
            }
            out.printf(Locale.ROOT, "  %6d  %-28s line %d%s%n", count.cases(), count.rule().id(), count.rule().line(),
                    count.fired() ? "" : "  NEVER FIRED");
        }
        out.println();
        out.println("rules fired: " + (coverage.rules().size() - coverage.neverFired().size()) + " of " + coverage.rules().size()
                + " (" + percent(coverage.percentOfRulesFired()) + ")");
        out.println("rules never fired: " + coverage.neverFired().stream().map(r -> r.id()).toList());
        out.println("codes never produced: " + coverage.codesNeverProduced());
        out.println("codes without a near miss: " + coverage.codesWithoutNearMiss());
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
