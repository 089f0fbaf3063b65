package org.legcrampcds.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.RuleBaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Population screening of a FHIR Bulk Data export: reads every NDJSON file of the input directory,
 * groups the resources by patient, maps and assesses each patient, and writes
 * {@code OUT/results/} (JSON Lines part files, one line per patient) and {@code OUT/summary.json}.
 *
 * <pre>{@code
 * ScreeningSummary summary = ScreeningJob.builder()
 *         .input("hdfs:///lake/export-2026-12-01").output("hdfs:///lake/screening-2026-12-01")
 *         .asOf(LocalDate.of(2026, 12, 1)).build()
 *         .run(spark);
 * }</pre>
 *
 * Logs carry counts only; patient ids appear at DEBUG.
 */
public final class ScreeningJob {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningJob.class);

    /** The results directory under the output. */
    public static final String RESULTS = "results";
    /** The summary file under the output. */
    public static final String SUMMARY = "summary.json";

    /** About 32 MB of NDJSON per shuffle partition: a few thousand patients. */
    static final long PARTITION_BYTES = 32L << 20;
    /** NDJSON of FHIR compresses about tenfold; a low guess keeps partitions from being too large. */
    private static final long GZIP_RATIO = 8;

    private final String input;
    private final String output;
    private final LocalDate asOf;
    private final RuleSpec rules;

    private ScreeningJob(Builder builder) {
        this.input = Objects.requireNonNull(builder.input, "input");
        this.output = Objects.requireNonNull(builder.output, "output");
        this.asOf = Objects.requireNonNull(builder.asOf, "asOf");
        this.rules = builder.rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the input and output before any Spark work starts, so that a mistyped path fails at once.
     *
     * @return the export's NDJSON files, by name, and the names of the other files in the directory
     * @throws ScreeningException with {@code LCC-S001} or {@code LCC-S008}
     */
    Listing check(Configuration conf) {
        try {
            Path in = new Path(input);
            FileSystem fs = in.getFileSystem(conf);
            if (!fs.exists(in) || !fs.getFileStatus(in).isDirectory()) {
                throw new ScreeningException(input, ScreeningDiagnostic.EXPORT_NOT_READABLE.code(),
                        "not a directory: give the folder of the Bulk Data export's NDJSON files");
            }
            List<String> ndjson = new ArrayList<>();
            List<String> other = new ArrayList<>();
            long bytes = 0;
            FileStatus[] entries = fs.listStatus(in);
            Arrays.sort(entries, Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus entry : entries) {
                String name = entry.getPath().getName();
                if (entry.isFile() && (name.endsWith(".ndjson") || name.endsWith(".ndjson.gz"))) {
                    ndjson.add(entry.getPath().toString());
                    bytes += name.endsWith(".gz") ? entry.getLen() * GZIP_RATIO : entry.getLen();
                } else if (!name.startsWith(".") && !name.startsWith("_")) {
                    other.add(name);
                }
            }
            if (ndjson.isEmpty()) {
                throw new ScreeningException(input, ScreeningDiagnostic.EXPORT_NOT_READABLE.code(),
                        "no *.ndjson or *.ndjson.gz files in it");
            }
            Path out = new Path(output);
            FileSystem outFs = out.getFileSystem(conf);
            for (String existing : List.of(RESULTS, SUMMARY)) {
                if (outFs.exists(new Path(out, existing))) {
                    throw new ScreeningException(output, ScreeningDiagnostic.OUTPUT_EXISTS.code(),
                            "already holds " + existing + ": choose a new output directory");
                }
            }
            return new Listing(ndjson, other, bytes);
        } catch (IOException e) {
            throw new ScreeningException(input, ScreeningDiagnostic.EXPORT_NOT_READABLE.code(), "cannot be listed: " + e);
        }
    }

    /** The export's files: NDJSON to read, and the rest (a manifest, say), named in the summary. */
    record Listing(List<String> ndjson, List<String> other, long bytes) {
    }

    /**
     * How many groups the patients are shuffled into: at least Spark's parallelism, and enough that
     * no group holds much more than {@link #PARTITION_BYTES} of the export. A task holds its whole
     * partition's outcomes while caching them, so partitions sized only by core count run out of
     * heap on a large export (measured: 50,000 patients per partition fail in a 1 GB heap).
     */
    static int partitions(long exportBytes, int parallelism) {
        long bySize = (exportBytes + PARTITION_BYTES - 1) / PARTITION_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(Math.max(parallelism, 1), bySize));
    }

    /**
     * Runs the job on the session's cluster and writes the results and the summary.
     *
     * @throws ScreeningException when the input or output is not usable
     * @throws org.legcrampcds.engine.RuleBaseException when the rules do not compile
     */
    public ScreeningSummary run(SparkSession spark) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Listing listing = check(conf);
        // Built on the driver first: rules that do not compile fail here, before any task runs.
        CrampAssessor driverAssessor = AssessorHolder.get(rules);
        LOG.info("screening {} NDJSON files ({} MB) at {} with rule base {}", listing.ndjson().size(),
                listing.bytes() >> 20, asOf, driverAssessor.rulesetVersion());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<HadoopConf> hadoop = jsc.broadcast(new HadoopConf(conf));
        int partitions = partitions(listing.bytes(), jsc.defaultParallelism());
        JavaRDD<Outcome> outcomes = jsc.parallelize(listing.ndjson(), listing.ndjson().size())
                .flatMapToPair(new ExportFileReader(hadoop))
                .groupByKey(partitions)
                .map(new PatientScreening(asOf, rules))
                // Two actions read the outcomes (the lines, then the counts): computed once.
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            outcomes.map(Outcome::line).filter(Objects::nonNull).saveAsTextFile(new Path(output, RESULTS).toString());
            Tally total = outcomes.aggregate(new Tally(), (sum, outcome) -> sum.merge(outcome.tally()), Tally::merge);
            ScreeningSummary summary = new ScreeningSummary(asOf, total, listing.other());
            writeSummary(conf, summary);
            LOG.info("screened {} patients: {} assessed, {} rejected; {} bad lines, {} resources without a patient",
                    summary.patientsRead(), summary.assessed(), summary.rejected(), summary.badLines(),
                    summary.resourcesWithoutPatient());
            return summary;
        } finally {
            outcomes.unpersist(false);
            hadoop.destroy();
        }
    }

    private void writeSummary(Configuration conf, ScreeningSummary summary) {
        Path file = new Path(output, SUMMARY);
        try (OutputStream out = file.getFileSystem(conf).create(file, false)) {
            out.write(summary.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The job's input, output, as-of date and rule base. Not thread-safe. */
    public static final class Builder {
        private String input;
        private String output;
        private LocalDate asOf;
        private RuleSpec rules = RuleSpec.builtIn();

        private Builder() {
        }

        /** The export directory, as a Hadoop path or URI ({@code /data/export}, {@code s3a://bucket/export}). */
        public Builder input(String directory) {
            this.input = directory;
            return this;
        }

        /** The output directory: {@code results/} and {@code summary.json} are written in it and must not exist yet. */
        public Builder output(String directory) {
            this.output = directory;
            return this;
        }

        /** The date ages and day counts are taken at (interfaces.md §6). */
        public Builder asOf(LocalDate date) {
            this.asOf = date;
            return this;
        }

        /**
         * Assesses with the rule files of this local directory instead of the built-in rules; the
         * files are read now and shipped with the job.
         *
         * @throws RuleBaseException with {@code LCC-R021} when the directory cannot be read
         */
        public Builder rulesFrom(java.nio.file.Path directory) {
            this.rules = RuleSpec.directory(directory);
            return this;
        }

        public ScreeningJob build() {
            return new ScreeningJob(this);
        }
    }
}
