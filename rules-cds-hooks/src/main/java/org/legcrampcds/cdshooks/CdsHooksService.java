package org.legcrampcds.cdshooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

import io.javalin.Javalin;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.ReloadableAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleDirectoryWatcher;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.engine.SelfTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CDS Hooks 2.0 service over HTTP (interfaces.md §7) on Javalin (Jetty 12):
 * {@code GET /cds-services} (discovery), {@code POST /cds-services/{id}} for {@code patient-view},
 * {@code order-sign} and {@code order-select}, and {@code POST /cds-services/{id}/feedback}.
 *
 * <pre>{@code
 * ReloadableAssessor rules = ReloadableAssessor.serving(CrampAssessor.builder().build());
 * try (CdsHooksService service = CdsHooksService.builder().rules(rules).port(8080).start()) {
 *     // serving on http://127.0.0.1:8080/cds-services; rules.reload(...) swaps the rule base
 * }
 * }</pre>
 *
 * This class wires the rules (built in, a watched directory, or the application's own reload seam),
 * the JWT check and the HTTP layer, and owns their life cycle. Every error is an OperationOutcome
 * with a diagnostic code, never a stack trace. With {@link Builder#trustedIssuers trusted issuers}
 * every hook and feedback call must carry a JWT of one of them; without, the service binds loopback
 * only. Tokens and patient data are never logged.
 */
public final class CdsHooksService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksService.class);

    /** How long a stop waits for calls in flight unless told otherwise. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private final Javalin app;
    private final HttpLayer http;
    private final String url;
    private final @Nullable RuleDirectoryWatcher watcher;

    private CdsHooksService(Javalin app, HttpLayer http, String url, @Nullable RuleDirectoryWatcher watcher) {
        this.app = app;
        this.http = http;
        this.url = url;
        this.watcher = watcher;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port bound: the one asked for, or the ephemeral port chosen for port 0. */
    public int port() {
        return app.port();
    }

    /** The service's URL as tokens' {@code aud} must name it, for example {@code https://cds.example.org}. */
    public String url() {
        return url;
    }

    /**
     * Stops serving: the listening socket closes, the hook and feedback calls being answered are
     * waited for (at most the {@link Builder#stopGrace stop grace}), then Jetty stops.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        http.stop(app);
    }

    /** How to serve. Not thread-safe; {@link #start()} validates and binds. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private @Nullable Supplier<@Nullable CrampAssessor> assessors;
        private @Nullable Path rulesDirectory;
        private SelfTest selfTest = SelfTest.none();
        private @Nullable TrustedIssuers trustedIssuers;
        private @Nullable String publicUrl;
        private Clock clock = Clock.systemUTC();
        private FhirServerLimits fhirServerLimits = FhirServerLimits.defaults();
        private Duration stopGrace = DEFAULT_STOP_GRACE;

        private Builder() {
        }

        /**
         * How long {@link CdsHooksService#close()} (and so SIGTERM in {@code serve}) waits at most for
         * the calls being answered before Jetty stops. Default 10 s, the FHIR fetching deadline of a call.
         */
        public Builder stopGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("the stop grace must not be negative: " + grace);
            }
            this.stopGrace = grace;
            return this;
        }

        /** The address to bind; anything but loopback needs {@link #trustedIssuers}. Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 for an ephemeral one. Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Serves the rules of the application's reload seam: each call takes {@link ReloadableAssessor#current()}
         * once, so that a call in flight keeps the rules it started with when new rules are swapped in.
         */
        public Builder rules(ReloadableAssessor rules) {
            Objects.requireNonNull(rules, "rules");
            return assessor(rules::current);
        }

        /**
         * Where each call takes its rule base from: read once per call. While it gives null (the
         * application is still loading its rules), hook calls and {@code /health/ready} answer 503.
         */
        public Builder assessor(Supplier<@Nullable CrampAssessor> assessors) {
            this.assessors = Objects.requireNonNull(assessors, "assessors");
            this.rulesDirectory = null;
            return this;
        }

        /** Serves the built-in rule base, compiled and checked by {@link #start()}. */
        public Builder builtInRules() {
            this.rulesDirectory = null;
            this.assessors = null;
            return this;
        }

        /** As {@link #rulesDirectory(Path, SelfTest)} with no self-test: a changed directory must only build. */
        public Builder rulesDirectory(Path directory) {
            return rulesDirectory(directory, SelfTest.none());
        }

        /**
         * Serves the rule files of {@code directory}, compiled and checked by {@link #start()}, and
         * follows their changes ({@link RuleDirectoryWatcher}): once the directory has been quiet for
         * half a second it is rebuilt, given {@code selfTest} (the command line hands in the fixture
         * cases of its {@code tests/} folder) and swapped in only when both pass. Calls in flight
         * finish on the rules they began with; every card names the {@code rulesetVersion} that made it.
         */
        public Builder rulesDirectory(Path directory, SelfTest selfTest) {
            this.rulesDirectory = Objects.requireNonNull(directory, "directory");
            this.selfTest = Objects.requireNonNull(selfTest, "selfTest");
            this.assessors = null;
            return this;
        }

        /** The CDS clients whose JWTs are accepted; without, no token is checked and only loopback is bound. */
        public Builder trustedIssuers(@Nullable TrustedIssuers trustedIssuers) {
            this.trustedIssuers = trustedIssuers;
            return this;
        }

        /**
         * The URL the EHR calls, when it differs from the bind (behind a TLS-terminating proxy);
         * the trusted-issuers file's {@code serviceUrl} wins over it.
         */
        public Builder publicUrl(@Nullable String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        /** The clock of the as-of date (today, UTC); tokens are always checked against the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock").withZone(ZoneOffset.UTC);
            return this;
        }

        /**
         * How much one call may read from the EHR's {@code fhirServer}, and how long it may take: by
         * default 16 MB per answer, 64 MB and 10 s per call, 100 pages, a quarter of the heap over all calls.
         */
        public Builder fhirServerLimits(FhirServerLimits limits) {
            this.fhirServerLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws CdsHooksConfigException ({@code LCC-H009}) for a bind beyond loopback without trusted issuers
         * @throws org.legcrampcds.engine.RuleBaseException when the rules to serve do not compile
         */
        public CdsHooksService start() {
            TrustedIssuers issuers = trustedIssuers;
            if (issuers == null && !loopback(host)) {
                throw new CdsHooksConfigException(CdsHooksDiagnostic.UNPROTECTED_BIND, "refusing to bind " + host
                        + " without trusted issuers: give --trusted-issuers FILE, or bind 127.0.0.1");
            }
            RuleDirectoryWatcher watcher = null;
            Supplier<@Nullable CrampAssessor> serving = assessors;
            Path directory = rulesDirectory;
            Bound bound = new Bound();
            ServiceMetrics metrics = new ServiceMetrics(() -> {
                Supplier<@Nullable CrampAssessor> rules = bound.rules;
                CrampAssessor current = rules == null ? null : rules.get();
                return current == null ? null : current.rulesetVersion();
            });
            if (serving == null && directory == null) {
                CrampAssessor rules = CrampAssessor.on(RuleBase.builtIn());
                serving = () -> rules;
            } else if (serving == null) {
                ReloadableAssessor reloadable = ReloadableAssessor.serving(
                        CrampAssessor.on(RuleBase.build(RuleSource.directory(directory))));
                // Watching starts before the bind: an edit made while Jetty starts is not missed.
                watcher = RuleDirectoryWatcher.watch(directory, reloadable, selfTest, metrics::reloaded);
                serving = reloadable::current;
            }
            bound.rules = serving;
            CdsHooks hooks = new CdsHooks(serving, clock, () -> bound.url == null ? null : bound.url + HttpLayer.RULE_BASE,
                    fhirServerLimits);
            HttpLayer http = new HttpLayer(hooks, issuers != null, () -> bound.authenticator, metrics, stopGrace);
            Javalin app = http.create();
            try {
                app.start(host, port);
            } catch (RuntimeException e) {
                if (watcher != null) {
                    watcher.close();
                }
                throw e;
            }
            String base = issuers != null && issuers.serviceUrl().isPresent() ? issuers.serviceUrl().get()
                    : publicUrl != null ? strip(publicUrl) : "http://" + hostForUrl(host) + ":" + app.port();
            bound.authenticator = issuers == null ? null : new JwtAuthenticator(issuers, base, Clock.systemUTC());
            bound.url = base;
            LOG.info("CDS Hooks service on {}{} ({})", base, HttpLayer.SERVICES,
                    issuers == null ? "no JWT check: loopback only" : issuers.jwksByIssuer().size() + " trusted issuer(s)");
            return new CdsHooksService(app, http, base, watcher);
        }

        private static String strip(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        private static String hostForUrl(String host) {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }

        private static boolean loopback(String host) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        return false;
                    }
                }
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }

    /** What is known only once the port is bound: the service's URL and the JWT check made for it; and the rules served. */
    private static final class Bound {
        volatile @Nullable Supplier<@Nullable CrampAssessor> rules;
        volatile @Nullable String url;
        volatile @Nullable JwtAuthenticator authenticator;
    }
}
