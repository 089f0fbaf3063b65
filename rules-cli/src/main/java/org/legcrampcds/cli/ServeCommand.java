package org.legcrampcds.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.legcrampcds.cdshooks.CdsHooksConfigException;
import org.legcrampcds.cdshooks.CdsHooksDiagnostic;
import org.legcrampcds.cdshooks.CdsHooksService;
import org.legcrampcds.cdshooks.TrustedIssuers;
import org.legcrampcds.authoring.FixtureCheck;
import org.legcrampcds.engine.RuleBaseException;
import org.legcrampcds.engine.RuleDiagnostic;
import org.legcrampcds.engine.SelfTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--host H] [--port N] [--rules DIR] [--trusted-issuers FILE] [--public-url URL] [--stop-grace S]}:
 * the CDS Hooks service of interfaces.md §7, until the process is stopped (or the thread running it
 * is interrupted). Every option can also be set by an environment variable ({@code LCC_HOST},
 * {@code LCC_PORT}, {@code LCC_RULES}, {@code LCC_TRUSTED_ISSUERS}, {@code LCC_PUBLIC_URL},
 * {@code LCC_STOP_GRACE}); an option given on the command line wins. On SIGTERM the service stops
 * accepting connections and waits at most the stop grace for the calls it is answering.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = ExitCodes.FAILURE,
        exitCodeOnExecutionException = ExitCodes.FAILURE,
        sortOptions = false,
        description = "Serve CDS Hooks 2.0 (patient-view, order-sign, order-select) over HTTP for an EHR to call.",
        footer = {
            "",
            "Discovery is GET /cds-services. Without --trusted-issuers no JWT is checked, so only a loopback "
                + "address may be bound. With --rules the directory is watched: a changed rule base is built and "
                + "self-tested, and served only when both pass. Exit status: 1 when the service cannot start "
                + "(a bad option, rules that do not compile, a bad trusted-issuers file); 0 when it was stopped.",
            "",
            "Every option can be set by its environment variable instead (LCC_HOST, LCC_PORT, LCC_RULES, "
                + "LCC_TRUSTED_ISSUERS, LCC_PUBLIC_URL, LCC_STOP_GRACE); the command line wins. Operations: "
                + "GET /health/live, GET /health/ready (503 until the rules are loaded), GET /metrics (Prometheus)."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "H", defaultValue = "${env:LCC_HOST:-127.0.0.1}",
            description = "The address to bind (default 127.0.0.1; env LCC_HOST). Anything but loopback needs --trusted-issuers.")
    private String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:LCC_PORT:-8080}",
            description = "The port (default 8080; 0 for any free port; env LCC_PORT).")
    private int port;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:LCC_RULES}",
            description = "Serve the rule files in DIR instead of the built-in rule base, and follow their changes (env LCC_RULES).")
    private Path rulesDirectory;

    @Option(names = "--trusted-issuers", paramLabel = "FILE", defaultValue = "${env:LCC_TRUSTED_ISSUERS}",
            description = "JSON file of the CDS clients whose JWTs are accepted (issuer and JWKS URL), and the service URL "
                    + "(env LCC_TRUSTED_ISSUERS).")
    private Path trustedIssuers;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:LCC_PUBLIC_URL}",
            description = "The URL the EHR calls, when a proxy stands between (default http://H:N; env LCC_PUBLIC_URL).")
    private String publicUrl;

    @Option(names = "--stop-grace", paramLabel = "SECONDS", defaultValue = "${env:LCC_STOP_GRACE:-10}",
            description = "On SIGTERM, how long to wait at most for the calls being answered before Jetty stops "
                    + "(default 10; env LCC_STOP_GRACE).")
    private int stopGraceSeconds;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": must be between 0 and 65535");
        }
        if (stopGraceSeconds < 0 || stopGraceSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--stop-grace " + stopGraceSeconds + ": must be between 0 and 3600 seconds");
        }
        if (rulesDirectory != null && !Files.isDirectory(rulesDirectory)) {
            throw new CommandFailure(RuleDiagnostic.UNREADABLE_RULES, "--rules " + rulesDirectory + ": not a directory");
        }
        if (port != 0 && portInUse(host, port)) {
            // Found before Javalin tries: its own failure would also log an ERROR line of its own.
            throw portInUse();
        }
        CdsHooksService service;
        // A bad trusted-issuers file (LCC-H008), an unprotected bind (LCC-H009) or rules that do not
        // compile (LCC-R...) propagate to the command line's one handler, which prints their message.
        CdsHooksService.Builder builder = CdsHooksService.builder().host(host).port(port).publicUrl(publicUrl)
                .stopGrace(java.time.Duration.ofSeconds(stopGraceSeconds));
        if (trustedIssuers != null) {
            builder.trustedIssuers(TrustedIssuers.read(trustedIssuers));
        }
        builder = rulesDirectory == null ? builder.builtInRules() : builder.rulesDirectory(rulesDirectory, fixturesOf(rulesDirectory));
        try {
            service = builder.start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw portInUse();
            }
            if (e instanceof CdsHooksConfigException || e instanceof RuleBaseException) {
                throw e;
            }
            throw new CommandFailure(CliDiagnostic.INTERNAL_ERROR, "cannot serve on " + host + ":" + port + ": " + rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("CDS Hooks service: " + service.url() + "/cds-services");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Embedded use (and the tests) stop the service by interrupting the thread that serves.
            Runtime.getRuntime().removeShutdownHook(hook);
            service.close();
            Thread.currentThread().interrupt();
        }
        return ExitCodes.ASSESSED;
    }

    /**
     * The self-test of a changed rule directory: the fixture cases of its {@code tests/} folder (case
     * files with an {@code expect} block, as {@code check} reads them), read anew for each candidate;
     * with no such folder the candidate must only build, since the service cannot know what an
     * author's rules are meant to say. An empty {@code tests/} folder fails: its author meant to test.
     */
    static SelfTest fixturesOf(Path directory) {
        return candidate -> {
            Path tests = directory.resolve("tests");
            if (!Files.isDirectory(tests)) {
                return List.of();
            }
            try {
                return FixtureCheck.of(List.of(tests)).failures(candidate);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the fixtures of " + tests, e);
            }
        };
    }

    private CommandFailure portInUse() {
        return new CommandFailure(CdsHooksDiagnostic.PORT_IN_USE, "cannot serve on " + host + ":" + port
                + ": the port is in use (or the address is not this machine's); choose another with --port");
    }

    /** Whether binding {@code host:port} fails now; a host that does not resolve is left to the service to report. */
    private static boolean portInUse(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
