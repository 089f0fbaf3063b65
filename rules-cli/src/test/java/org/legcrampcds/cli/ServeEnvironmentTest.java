package org.legcrampcds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Every {@code serve} option can be set by an environment variable (interfaces.md §7, 2.3), as a
 * container is configured. A forked JVM, since a process cannot change its own environment; each
 * case is one that stops before binding, so that the variable is seen to be read.
 */
class ServeEnvironmentTest {

    private record Run(int exit, String err) {
    }

    private static Run serve(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[4 + args.length];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = LegCrampCli.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("LCC_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), err);
    }

    @Test
    void lccHost_isTheBindAddress() throws Exception {
        Run run = serve(Map.of("LCC_HOST", "0.0.0.0", "LCC_PORT", "0"), "serve");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("LCC-H009 refusing to bind 0.0.0.0");
    }

    @Test
    void lccTrustedIssuersAndLccRules_areRead_andTheCommandLineWins() throws Exception {
        Run issuers = serve(Map.of("LCC_TRUSTED_ISSUERS", "/no/such/issuers.json", "LCC_PORT", "0"), "serve");
        assertThat(issuers.exit()).isEqualTo(1);
        assertThat(issuers.err()).contains("LCC-H008", "/no/such/issuers.json");

        Run rules = serve(Map.of("LCC_RULES", "/no/such/rules", "LCC_PORT", "0"), "serve");
        assertThat(rules.exit()).isEqualTo(1);
        assertThat(rules.err()).contains("--rules /no/such/rules");

        Run port = serve(Map.of("LCC_PORT", "0", "LCC_STOP_GRACE", "-1"), "serve");
        assertThat(port.exit()).isEqualTo(1);
        assertThat(port.err()).contains("--stop-grace -1");

        Run wins = serve(Map.of("LCC_HOST", "127.0.0.1"), "serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(wins.err()).contains("LCC-H009 refusing to bind 0.0.0.0");
    }
}
