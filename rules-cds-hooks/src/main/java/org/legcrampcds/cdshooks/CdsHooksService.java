package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

import org.legcrampcds.engine.CrampAssessor;
import org.legcrampcds.engine.ReloadableAssessor;
import org.legcrampcds.engine.RuleBase;
import org.legcrampcds.engine.RuleSource;
import org.legcrampcds.fhir.FhirCaseMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CDS Hooks 2.0 service over HTTP (interfaces.md §7) on Javalin (Jetty 12):
 * {@code GET /cds-services} (discovery), {@code POST /cds-services/{id}} for {@code patient-view},
 * {@code order-sign} and {@code order-select}, and {@code POST /cds-services/{id}/feedback}.
 *
 * <pre>{@code
 * CrampAssessor rules = CrampAssessor.builder().build();
 * try (CdsHooksService service = CdsHooksService.builder().assessor(() -> rules).port(8080).start()) {
 *     // serving on http://127.0.0.1:8080/cds-services
 * }
 * }</pre>
 *
 * Every error is an OperationOutcome with a diagnostic code, never a stack trace. With
 * {@link Builder#trustedIssuers trusted issuers} every hook and feedback call must carry a JWT of
 * one of them; without, the service binds loopback only. Tokens and patient data are never logged.
 */
public final class CdsHooksService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksService.class);

    private static final String SERVICES = "/cds-services";
    private static final String ANSWERED = "leg-cramp-cds.answered";

    /** How long a rule directory must stay unchanged before it is rebuilt: one save, one rebuild. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final Javalin app;
    private final String url;
    private final RuleDirectoryWatcher watcher;

    private CdsHooksService(Javalin app, String url, RuleDirectoryWatcher watcher) {
        this.app = app;
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

    /** Stops serving; calls in flight are finished first (Jetty's graceful stop). */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        app.stop();
    }

    /** How to serve. Not thread-safe; {@link #start()} validates and binds. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Supplier<CrampAssessor> assessors;
        private Path rulesDirectory;
        private TrustedIssuers trustedIssuers;
        private String publicUrl;
        private Clock clock = Clock.systemUTC();
        private FhirServerLimits fhirServerLimits = FhirServerLimits.defaults();

        private Builder() {
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
         * Where each call takes its rule base from: read once per call, so that a call in flight
         * keeps the rules it started with when a new rule base is swapped in.
         */
        public Builder assessor(Supplier<CrampAssessor> assessors) {
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

        /**
         * Serves the rule files of {@code directory}, compiled and checked by {@link #start()}, and
         * follows their changes: once the directory has been quiet for half a second it is rebuilt
         * and self-tested (its {@code tests/} fixtures when it has that folder, else it must only
         * build) and swapped in only when both pass. Calls in flight finish on the rules they began
         * with; every card names the {@code rulesetVersion} that made it.
         */
        public Builder rulesDirectory(Path directory) {
            this.rulesDirectory = Objects.requireNonNull(directory, "directory");
            this.assessors = null;
            return this;
        }

        /** The CDS clients whose JWTs are accepted; without, no token is checked and only loopback is bound. */
        public Builder trustedIssuers(TrustedIssuers trustedIssuers) {
            this.trustedIssuers = trustedIssuers;
            return this;
        }

        /**
         * The URL the EHR calls, when it differs from the bind (behind a TLS-terminating proxy);
         * the trusted-issuers file's {@code serviceUrl} wins over it.
         */
        public Builder publicUrl(String publicUrl) {
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
            if (trustedIssuers == null && !loopback(host)) {
                throw new CdsHooksConfigException(CdsHooksDiagnostic.UNPROTECTED_BIND, "refusing to bind " + host
                        + " without trusted issuers: give --trusted-issuers FILE, or bind 127.0.0.1");
            }
            RuleDirectoryWatcher watcher = null;
            Supplier<CrampAssessor> serving = assessors;
            if (serving == null && rulesDirectory == null) {
                CrampAssessor rules = CrampAssessor.on(RuleBase.builtIn());
                serving = () -> rules;
            } else if (serving == null) {
                ReloadableAssessor reloadable = ReloadableAssessor.serving(
                        CrampAssessor.on(RuleBase.build(RuleSource.directory(rulesDirectory))));
                // Watching starts before the bind: an edit made while Jetty starts is not missed.
                watcher = new RuleDirectoryWatcher(rulesDirectory, SETTLE, new RuleReloader(rulesDirectory, reloadable));
                serving = reloadable::current;
            }
            FhirCaseMapper mapper = FhirCaseMapper.create();
            FhirJson fhir = new FhirJson();
            Routes routes = new Routes(serving, clock, trustedIssuers != null, mapper, fhir, fhirServerLimits);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.maxRequestSize = RequestJson.MAX_BODY_BYTES;
                config.http.prefer405over404 = true;
                // Browser-based CDS clients (SMART apps, the CDS Hooks sandbox) call from another origin.
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.anyHost()));
                config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} {} in {} ms", ctx.method(), ctx.path(),
                        ctx.statusCode(), Math.round(ms)));
                routes.install(config);
            });
            try {
                app.start(host, port);
            } catch (RuntimeException e) {
                if (watcher != null) {
                    watcher.close();
                }
                throw e;
            }
            String base = trustedIssuers != null && trustedIssuers.serviceUrl().isPresent() ? trustedIssuers.serviceUrl().get()
                    : publicUrl != null ? strip(publicUrl) : "http://" + hostForUrl(host) + ":" + app.port();
            routes.serviceUrl = base;
            routes.authenticator = trustedIssuers == null ? null : new JwtAuthenticator(trustedIssuers, base, Clock.systemUTC());
            LOG.info("CDS Hooks service on {}{} ({})", base, SERVICES,
                    trustedIssuers == null ? "no JWT check: loopback only" : trustedIssuers.jwksByIssuer().size() + " trusted issuer(s)");
            return new CdsHooksService(app, base, watcher);
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

    /** The routes and what each answers; the authenticator is set once the URL is known, before any call. */
    private static final class Routes {
        private final HookHandler hooks;
        private final FeedbackHandler feedback = new FeedbackHandler();
        private final String discovery;
        private final boolean tokensRequired;
        private volatile JwtAuthenticator authenticator;
        private volatile String serviceUrl;

        Routes(Supplier<CrampAssessor> assessors, Clock clock, boolean tokensRequired, FhirCaseMapper mapper, FhirJson fhir,
               FhirServerLimits limits) {
            this.tokensRequired = tokensRequired;
            PrefetchResolver prefetch = new PrefetchResolver(fhir, new FhirServerClient(fhir, limits), mapper.observationCodes());
            this.hooks = new HookHandler(assessors, new HookRequestReader(fhir), prefetch,
                    new HookAssessor(mapper, clock), new Cards(() -> serviceUrl));
            this.discovery = Json.write(Discovery.document(mapper.observationCodes()));
        }

        void install(io.javalin.config.JavalinConfig config) {
            config.routes.get(SERVICES, ctx -> json(ctx, 200, discovery));
            config.routes.post(SERVICES + "/{id}", ctx -> {
                HookService service = authorisedService(ctx);
                ObjectNode answer = hooks.handle(service, body(ctx));
                json(ctx, 200, Json.write(answer));
            });
            config.routes.post(SERVICES + "/{id}/feedback", ctx -> {
                HookService service = authorisedService(ctx);
                feedback.handle(service, body(ctx));
                ctx.status(200);
                ctx.attribute(ANSWERED, true);
            });
            config.routes.exception(HookException.class, (e, ctx) -> outcome(ctx, e.status(), OperationOutcomes.of(e)));
            config.routes.exception(Unauthorised.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer");
                outcome(ctx, 401, OperationOutcomes.unauthorized());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                // The class only: a message may quote the request, which may hold patient data.
                LOG.error("internal error answering {} {}: {}", ctx.method(), ctx.path(), e.getClass().getName());
                outcome(ctx, 500, OperationOutcomes.internalError());
            });
            for (int status : new int[] {400, 404, 405, 413, 500}) {
                config.routes.error(status, "*", ctx -> {
                    if (ctx.attribute(ANSWERED) == null) {
                        outcome(ctx, status, OperationOutcomes.plain(status, status == 404 ? "no such endpoint: " + ctx.path()
                                : status == 405 ? ctx.method() + " is not allowed on " + ctx.path()
                                : status == 413 ? "request too large" : "the request could not be answered"));
                    }
                });
            }
        }

        private HookService authorisedService(Context ctx) {
            JwtAuthenticator auth = authenticator;
            // Fail closed: a call in the instant between the bind and the authenticator's set-up is refused.
            if (tokensRequired && (auth == null || !auth.authenticated(ctx.header("Authorization"), ctx.path()))) {
                throw new Unauthorised();
            }
            String id = ctx.pathParam("id");
            return HookService.byId(id).orElseThrow(() -> new HookException(404, CdsHooksDiagnostic.UNKNOWN_SERVICE, null,
                    "no CDS service '" + id + "': GET " + SERVICES + " lists them"));
        }

        private static JsonNode body(Context ctx) {
            try {
                return RequestJson.read(ctx.contentType(), ctx.req().getContentLengthLong(), ctx.req().getInputStream());
            } catch (IOException e) {
                throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null, "the body could not be read");
            }
        }

        private static void json(Context ctx, int status, String body) {
            ctx.attribute(ANSWERED, true);
            ctx.status(status).contentType("application/json").result(body);
        }

        private static void outcome(Context ctx, int status, ObjectNode outcome) {
            ctx.attribute(ANSWERED, true);
            ctx.status(status).contentType("application/fhir+json").result(Json.write(outcome));
        }
    }

    /** A failed authentication; carries nothing, so nothing about it can reach the caller. */
    private static final class Unauthorised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorised() {
            super(null, null, false, false);
        }
    }
}
