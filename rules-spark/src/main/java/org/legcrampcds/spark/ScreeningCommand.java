package org.legcrampcds.spark;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleProblem;
import org.legcrampcds.engine.options.AsOfOption;
import org.legcrampcds.engine.options.RulesOption;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code leg-cramp-screening --input DIR --output DIR [--as-of YYYY-MM-DD] [--rules DIR] [--master URL]}:
 * the Spark application. Run by {@code java -jar} it starts local Spark ({@code local[*]} unless
 * told); run by {@code spark-submit} it uses the master spark-submit gives it.
 *
 * <p>Exit status: 0 every patient assessed and every line used; 2 some patient rejected, some line
 * bad or some resource without its patient (the results and summary are written all the same);
 * 1 the job could not run, with a message and never a stack trace.
 */
@Command(name = "leg-cramp-screening",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ScreeningCommand.FAILURE,
        exitCodeOnExecutionException = ScreeningCommand.FAILURE,
        sortOptions = false,
        description = "Screen every patient of a FHIR R4 Bulk Data export for nocturnal leg cramp findings on Apache Spark.",
        footer = {"",
            "Writes OUT/results/ (JSON Lines part files: per patient the result JSON of 'assess --format json' plus "
                + "patientId, or its error line) and OUT/summary.json (counts, and every problem of the export with file:line).",
            "The rule files of --rules DIR are read here, by the driver, and shipped to every executor.",
            "",
            "Exit status: 0 all assessed; 2 some patient rejected, line bad or resource without its patient "
                + "(results still written); 1 the job could not run."})
public final class ScreeningCommand implements Callable<Integer> {

    static final int ASSESSED = 0;
    static final int FAILURE = 1;
    static final int INCOMPLETE = 2;

    private static final String NAME = "leg-cramp-screening";

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "The Bulk Data export: a directory of <Type>[.NNN].ndjson[.gz] files (a local path or a Hadoop URI).")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Where results/ and summary.json are written; neither may exist yet.")
    private String output;

    /** Shared with the command line's {@code assess}: the same name, form, default and error message. */
    @Mixin
    private AsOfOption asOf;

    /** Shared with the command line; the files are read here and shipped to every executor. */
    @Mixin
    private RulesOption rules;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master (default: the one spark-submit sets, else local[*]).")
    private String master;

    @Spec
    private CommandSpec spec;

    private ScreeningCommand() {
    }

    /** Runs the job and exits the JVM with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command without exiting, for tests and embedding.
     *
     * @return the exit status: 0, 1 or 2 as described on the class
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ScreeningCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    failed.getErr().println(NAME + ": the job failed: " + e);
                    return FAILURE;
                });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScreeningJob job;
        try {
            ScreeningJob.Builder builder = ScreeningJob.builder().input(input).output(output)
                    .asOf(asOf.dateOrToday());
            Path rulesDirectory = rules.directory();
            if (rulesDirectory != null) {
                builder.rulesFrom(rulesDirectory);
            }
            job = builder.build();
            // Paths are checked before Spark starts, so that a mistyped one fails in a second.
            job.check(new org.apache.hadoop.conf.Configuration());
        } catch (ScreeningException e) {
            err.println(NAME + ": " + e.getMessage());
            return FAILURE;
        } catch (RuleBaseException e) {
            return rulesFailed(err, e);
        }
        // Embedded in an application that already runs Spark, the job uses that session and leaves it running.
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = ownSession ? session() : SparkSession.getDefaultSession().get();
        try {
            ScreeningSummary summary = job.run(spark);
            out.println(NAME + ": " + summary.patientsRead() + " patients: " + summary.assessed() + " assessed, "
                    + summary.rejected() + " rejected; " + summary.badLines() + " bad lines; "
                    + summary.resourcesWithoutPatient() + " resources without their patient; see " + output + "/"
                    + ScreeningJob.SUMMARY);
            return summary.complete() ? ASSESSED : INCOMPLETE;
        } catch (ScreeningException e) {
            err.println(NAME + ": " + e.getMessage());
            return FAILURE;
        } catch (RuleBaseException e) {
            return rulesFailed(err, e);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    /** Rules that cannot be read or do not compile: each problem as {@code file:line: CODE message}. */
    private static int rulesFailed(PrintWriter err, RuleBaseException e) {
        err.println(NAME + ": the rule base has " + e.problems().size() + " problem(s):");
        for (RuleProblem problem : e.problems()) {
            err.println(problem);
        }
        return FAILURE;
    }

    private SparkSession session() {
        SparkConf conf = new SparkConf().setAppName(NAME);
        String chosen = master != null ? master : conf.get("spark.master", "local[*]");
        conf.setMaster(chosen);
        if (chosen.startsWith("local")) {
            // One machine: no web UI port to claim, and the driver on the loopback address only.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
