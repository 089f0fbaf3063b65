package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}: it answers discovery on loopback until stopped, and refuses what it must not do. */
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("CDS Hooks service: (http://127\\.0\\.0\\.1:\\d+/cds-services)");

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LegCrampCli.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void serve_answersDiscovery_untilItsThreadIsInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger status = new AtomicInteger(-1);
        Thread serving = new Thread(() -> status.set(LegCrampCli.run(new String[] {"serve", "--port", "0"},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err))));
        serving.start();
        Matcher url = URL.matcher("");
        for (int i = 0; i < 600 && !url.reset(out.toString()).find(); i++) {
            Thread.sleep(100);
        }
        assertThat(url.find(0)).as(out + err.toString()).isTrue();

        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"hook\":\"patient-view\"", "\"hook\":\"order-sign\"");

        serving.interrupt();
        serving.join(30_000);
        assertThat(status.get()).isZero();
    }

    @Test
    void aBindBeyondLoopback_withoutTrustedIssuers_isRefused() {
        Result result = run("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(result.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("leg-cramp-cds: LCC-H009 refusing to bind 0.0.0.0 without trusted issuers")
                .doesNotContain("\tat ");
    }

    @Test
    void aMalformedTrustedIssuersFile_isRefused_namingTheField(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("issuers.json"), "{\"issuers\": [{\"iss\": \"https://ehr.example\"}]}");
        Result result = run("serve", "--port", "0", "--trusted-issuers", file.toString());
        assertThat(result.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("LCC-H008", "issuers[0].jwksUrl").doesNotContain("\tat ");
    }

    @Test
    void aPortInUse_isOneCodedLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(result.status()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines()).singleElement().asString()
                    .startsWith("leg-cramp-cds: LCC-H010 cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": the port is in use");
        }
    }

    @Test
    void aRulesPathThatIsNoDirectory_isRefused(@TempDir Path dir) {
        Result result = run("serve", "--port", "0", "--rules", dir.resolve("missing").toString());
        assertThat(result.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("LCC-R021");
    }
}
