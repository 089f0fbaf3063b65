package org.legcrampcds.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.legcrampcds.spark.ScreeningJob;

/**
 * The population as a Bulk Data export under {@code target/population-export}, and the screening
 * job's results on it in local mode ({@code local[2]}, in this JVM), made once per test run and
 * shared by the tests that compare paths.
 */
final class Screenings {

    private static @Nullable Path export;
    private static @Nullable Map<String, JsonNode> local;

    private Screenings() {
    }

    static Path target() {
        return Path.of(Population.property("population.target"));
    }

    static synchronized Path export() {
        if (export == null) {
            Path dir = target().resolve("population-export");
            delete(dir);
            Population.writeExport(dir);
            export = dir;
        }
        return export;
    }

    /** The job's result lines of the local run, by patientId. */
    static synchronized Map<String, JsonNode> local() {
        if (local == null) {
            Path output = target().resolve("population-screening-local");
            delete(output);
            SparkSession spark = SparkSession.builder()
                    .appName("rules-population")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            try {
                ScreeningJob.builder().input(export().toString()).output(output.toString()).asOf(Population.AS_OF).build()
                        .run(spark);
            } finally {
                spark.stop();
            }
            local = Population.screeningResults(output);
        }
        return local;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
