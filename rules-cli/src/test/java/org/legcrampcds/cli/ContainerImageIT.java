package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container image of {@code serve} that the {@code image} profile builds with Jib
 * ({@code target/leg-cramp-cds-image.tar}, Docker format). Run only by that profile, after the image
 * is built: its configuration must start {@code serve} as an unprivileged user and expose 8080, and,
 * where the build runs as root, its layers unpacked and run with {@code chroot} (in a mount namespace
 * with its own {@code /proc}, as a container runtime would give) must answer discovery.
 */
class ContainerImageIT {

    private static final Path TARBALL = Path.of("target", "leg-cramp-cds-image.tar");
    private static final Path UNPACKED = Path.of("target", "image-unpacked");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode config;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(TARBALL).as("built by -Pimage").isRegularFile();
        run(List.of("rm", "-rf", UNPACKED.toString()));
        Files.createDirectories(UNPACKED.resolve("tar"));
        root = Files.createDirectories(UNPACKED.resolve("root")).toAbsolutePath();
        run(List.of("tar", "-xf", TARBALL.toString(), "-C", UNPACKED.resolve("tar").toString()));
        JsonNode manifest = JSON.readTree(UNPACKED.resolve("tar/manifest.json").toFile()).get(0);
        config = JSON.readTree(UNPACKED.resolve("tar").resolve(manifest.get("Config").asText()).toFile()).get("config");
        for (JsonNode layer : manifest.get("Layers")) {
            run(List.of("tar", "-xzf", UNPACKED.resolve("tar").resolve(layer.asText()).toString(), "-C", root.toString()));
        }
    }

    @Test
    void theEntryPointIsServe_onTheImagesOwnJava() {
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(a -> entrypoint.add(a.asText()));

        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).endsWith("org.legcrampcds.cli.LegCrampCli", "serve");
        assertThat(root.resolve("opt/java/bin/java")).isExecutable();
        assertThat(root.resolve("app/jib-classpath-file")).isRegularFile();
    }

    @Test
    void itRunsAsAnUnprivilegedUser() throws IOException {
        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        assertThat(Files.readAllLines(root.resolve("etc/passwd"))).contains("cds:x:65532:65532:leg-cramp-cds:/tmp:/sbin/nologin");
    }

    @Test
    void itExposesPort8080() {
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void unpackedAndRunWithChroot_itAnswersDiscovery() throws Exception {
        Assumptions.assumeTrue("0".equals(output(List.of("id", "-u")).trim()), "chroot needs root");
        Files.createDirectories(root.resolve("proc"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("unshare", "-m", "sh", "-c",
                "mount -t proc proc \"$0/proc\" && exec chroot --userspec=65532:65532 \"$0\" \"$@\"", root.toString()));
        config.get("Entrypoint").forEach(a -> command.add(a.asText()));
        command.addAll(List.of("--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        config.path("Env").forEach(e -> builder.environment().put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        Process service = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null && !line.startsWith("CDS Hooks service:"); ) {
                seen.append(line).append('\n');
            }
            assertThat(service.isAlive()).as(seen.toString()).isTrue();

            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/cds-services")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(discovery.body()).get("services").findValuesAsText("id"))
                    .contains("leg-cramps-patient-view", "leg-cramps-order-sign");
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
