package org.legcrampcds.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the cluster path run for real. A Spark standalone cluster on the loopback address, a
 * master and a worker started from Spark's own classes in JVMs of their own, with a Spark home whose
 * {@code jars/} is Spark's class path (the build copies it: the dependencies that this module has
 * because of Spark); the cluster jar ({@code leg-cramp-screening-cluster.jar}, copied from
 * rules-spark by the build) submitted with {@code spark-submit}'s class
 * ({@code org.apache.spark.deploy.SparkSubmit}, what {@code bin/spark-submit} runs) over the
 * population's Bulk Data export. Every patient's line equals the local run's. The commands are in
 * docs/performance.md ("Cluster path").
 */
@Tag("slow")
@Tag("cluster")
class ClusterTest {

    private static final Duration START = Duration.ofMinutes(5);

    private static final List<Process> STARTED = new ArrayList<>();
    private static Path home;
    private static String master;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        home = Path.of(Population.property("spark.home"));
        // A distribution's marker, as in a Spark download (SPARK_SCALA_VERSION below is what the launcher needs).
        Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 (the jars of Maven Central, copied by rules-population's build)\n");
        Path logs = Files.createDirectories(Screenings.target().resolve("cluster-logs"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        Path masterLog = logs.resolve("master.log");
        start(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", String.valueOf(freePort())), masterLog);
        awaitLine(masterLog, "I have been elected leader");
        Path workerLog = logs.resolve("worker.log");
        start(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()),
                "--cores", "2", "--memory", "2g", "--work-dir", Files.createDirectories(home.resolve("work")).toString(), master),
                workerLog);
        awaitLine(workerLog, "Successfully registered with master");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            Process process = STARTED.get(i);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theClusterJar_underSparkSubmit_givesEveryPatientTheLocalRunsLine() throws IOException, InterruptedException {
        Path output = Screenings.target().resolve("population-screening-cluster");
        Screenings.delete(output);
        Path log = Screenings.target().resolve("cluster-logs").resolve("spark-submit.log");
        List<String> command = java("org.apache.spark.deploy.SparkSubmit");
        command.addAll(List.of("--master", master, "--deploy-mode", "client",
                "--class", "org.legcrampcds.spark.ScreeningCommand",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
                Population.property("cluster.jar"),
                "--input", Screenings.export().toString(), "--output", output.toString(), "--as-of", Population.AS_OF.toString()));
        Process submit = process(command, log).start();
        assertThat(submit.waitFor(10, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
        assertThat(submit.exitValue()).as("spark-submit's status; see " + log).isZero();
        assertThat(Files.readString(log)).contains("Connecting to master " + master);

        Map<String, JsonNode> cluster = Population.screeningResults(output);
        Map<String, JsonNode> local = Screenings.local();
        assertThat(cluster.keySet()).isEqualTo(local.keySet());
        assertThat(cluster).hasSameSizeAs(Population.patients());
        local.forEach((patientId, line) -> assertThat(cluster.get(patientId)).as(patientId).isEqualTo(line));
        JsonNode summary = Population.readTree(Files.readString(output.resolve("summary.json")));
        assertThat(summary.path("patients").path("assessed").asInt()).isEqualTo(Population.patients().size());
    }

    private static void start(List<String> arguments, Path log) throws IOException {
        List<String> command = java(arguments.get(0));
        command.addAll(arguments.subList(1, arguments.size()));
        STARTED.add(process(command, log).start());
    }

    /** {@code java} with Spark's class path and the JDK packages Spark opens (as bin/spark-class does). */
    private static List<String> java(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(Population.property("spark.javaOptions").trim().split("\\s+")));
        command.add("-cp");
        command.add(home.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        return command;
    }

    private static ProcessBuilder process(List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOCAL_HOSTNAME", "localhost");
        // What bin/load-spark-env.sh sets; without it the launcher looks for a source build's directories.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder;
    }

    private static void awaitLine(Path log, String line) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(START);
        while (Instant.now().isBefore(until)) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            for (Process p : STARTED) {
                assertThat(p.isAlive()).as("a cluster process ended early; see " + log).isTrue();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + line + "' in " + log + " after " + START);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
