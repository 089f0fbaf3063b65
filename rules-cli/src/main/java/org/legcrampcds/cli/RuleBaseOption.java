package org.legcrampcds.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleDiagnostic;
import org.legcrampcds.engine.RuleSource;

import picocli.CommandLine.Option;

/** {@code --rules DIR} of the authoring commands: the built-in rule base, or a working copy. */
final class RuleBaseOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rule files in DIR (for example a copy written by export-rules) instead of the built-in rule base.")
    Path rulesDirectory;

    /** The assessor, or {@code null} after saying on {@code err} why the rules could not be built. */
    CrampAssessor assessorOrReport(PrintWriter err) {
        if (rulesDirectory != null && !Files.isDirectory(rulesDirectory)) {
            err.println(LegCrampCli.NAME + ": " + notADirectory(rulesDirectory));
            return null;
        }
        try {
            return CrampAssessor.on(RuleBase.build(rulesDirectory == null ? RuleSource.builtIn() : RuleSource.directory(rulesDirectory)));
        } catch (RuleBaseException e) {
            err.println(LegCrampCli.NAME + ": " + e.getMessage());
            return null;
        }
    }

    /** What every command that takes {@code --rules} says when it is not a directory (serve checks it before it starts watching). */
    static String notADirectory(Path rulesDirectory) {
        return "--rules " + rulesDirectory + ": " + RuleDiagnostic.UNREADABLE_RULES.code() + " not a directory";
    }
}
