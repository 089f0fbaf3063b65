package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer of the service on Javalin (Jetty 12): routes, authentication of the caller, bodies
 * read as JSON and answers written as JSON. It only adapts: what a call answers is {@link CdsHooks}'s.
 * Every error answer is an OperationOutcome with a diagnostic code, never a stack trace.
 */
final class HttpLayer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLayer.class);

    static final String SERVICES = "/cds-services";
    /** A page about the rule base serving: its version and its source register. Cards' {@code source.url}. */
    static final String RULE_BASE = SERVICES + "/rule-base";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    private static final String ANSWERED = "leg-cramp-cds.answered";

    private final CdsHooks hooks;
    private final boolean tokensRequired;
    private final Supplier<@Nullable JwtAuthenticator> authenticator;
    private final ServiceMetrics metrics;
    private final Duration stopGrace;
    /** Hook and feedback calls being answered now: a stop waits for them. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param tokensRequired whether every hook and feedback call must carry a trusted JWT
     * @param authenticator  the JWT check, set once the service's URL is known; until then calls are refused
     * @param stopGrace      how long a stop waits for calls in flight
     */
    HttpLayer(CdsHooks hooks, boolean tokensRequired, Supplier<@Nullable JwtAuthenticator> authenticator,
              ServiceMetrics metrics, Duration stopGrace) {
        this.hooks = hooks;
        this.tokensRequired = tokensRequired;
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.stopGrace = stopGrace;
    }

    Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = RequestJson.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            // Browser-based CDS clients (SMART apps, the CDS Hooks sandbox) call from another origin.
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.anyHost()));
            config.requestLogger.http((ctx, ms) -> {
                LOG.debug("{} {} {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                count(ctx, ms);
            });
            // Jetty's own error answers (a bad path, 414, 431) as OperationOutcomes, never its HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors.ServerErrors()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors.ContextErrors()));
            install(config);
        });
    }

    /**
     * Stops {@code app} gracefully: it stops accepting connections, lets the calls in flight finish
     * for at most the stop grace, then stops Jetty (which closes what is left).
     */
    void stop(Javalin app) {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.NetworkConnector network) {
                network.close();
            }
        }
        long deadline = System.nanoTime() + stopGrace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("stopping with {} call(s) still in flight after {} s", inFlight.get(), stopGrace.toSeconds());
        }
        app.stop();
    }

    /** Hook and feedback calls into the metrics, by the service named in the path (bounded: three ids or other). */
    private void count(Context ctx, float ms) {
        String path = ctx.path();
        if (!path.startsWith(SERVICES + "/") || !"POST".equals(ctx.method().name())) {
            return;
        }
        String rest = path.substring(SERVICES.length() + 1);
        boolean feedback = rest.endsWith("/feedback");
        String id = feedback ? rest.substring(0, rest.length() - "/feedback".length()) : rest;
        metrics.call(id, feedback ? "feedback" : "hook", ctx.statusCode(), Duration.ofNanos(Math.round(ms * 1_000_000.0)));
    }

    private void install(JavalinConfig config) {
        config.routes.get(SERVICES, ctx -> json(ctx, 200, hooks.discovery()));
        config.routes.get(RULE_BASE, ctx -> json(ctx, 200, hooks.ruleBase()));
        config.routes.get(LIVE, ctx -> json(ctx, 200, Map.of("status", "UP")));
        config.routes.get(READY, ctx -> {
            String version = hooks.servingVersion();
            if (version == null) {
                outcome(ctx, 503, OperationOutcomes.plain(503, CdsHooksDiagnostic.NOT_READY, "the rule base is not loaded yet"));
                return;
            }
            Map<String, String> ready = new LinkedHashMap<>();
            ready.put("status", "READY");
            ready.put("rulesetVersion", version);
            json(ctx, 200, ready);
        });
        config.routes.get(METRICS, ctx -> {
            ctx.attribute(ANSWERED, true);
            ctx.status(200).contentType(ServiceMetrics.CONTENT_TYPE).result(metrics.scrape());
        });
        config.routes.post(SERVICES + "/{id}", ctx -> {
            inFlight.incrementAndGet();
            try {
                HookService service = authorisedService(ctx);
                json(ctx, 200, hooks.call(service, body(ctx)));
            } finally {
                inFlight.decrementAndGet();
            }
        });
        config.routes.post(SERVICES + "/{id}/feedback", ctx -> {
            inFlight.incrementAndGet();
            try {
                HookService service = authorisedService(ctx);
                hooks.feedback(service, body(ctx));
                ctx.status(200);
                ctx.attribute(ANSWERED, true);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        config.routes.exception(HookException.class, (e, ctx) -> {
            if (e.status() == 412) {
                metrics.fhirFailure(e);
            }
            outcome(ctx, e.status(), OperationOutcomes.of(e));
        });
        config.routes.exception(Unauthorised.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            outcome(ctx, 401, OperationOutcomes.unauthorized());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            // The class only: a message may quote the request, which may hold patient data.
            LOG.error("internal error answering {} {}: {}", ctx.method(), ctx.path(), e.getClass().getName());
            outcome(ctx, 500, OperationOutcomes.plain(500, CdsHooksDiagnostic.INTERNAL_ERROR,
                    "internal error: the service could not answer this request"));
        });
        for (int status : new int[] {400, 404, 405, 413, 414, 415, 431, 500}) {
            config.routes.error(status, "*", ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    outcome(ctx, status, routingError(status, ctx.method().name(), ctx.path()));
                }
            });
        }
    }

    /** The answer to a request the routes never reached: no such path, a method not served, too large a body. */
    static OperationOutcomeJson routingError(int status, String method, String path) {
        return switch (status) {
            case 404 -> OperationOutcomes.plain(404, CdsHooksDiagnostic.NO_SUCH_ENDPOINT, "no such endpoint: " + printable(path)
                    + " (GET " + SERVICES + " lists the services)");
            case 405 -> OperationOutcomes.plain(405, CdsHooksDiagnostic.METHOD_NOT_ALLOWED,
                    method + " is not allowed on " + printable(path));
            case 413 -> OperationOutcomes.plain(413, CdsHooksDiagnostic.REQUEST_TOO_LARGE,
                    "request too large: at most " + RequestJson.MAX_BODY_BYTES / (1024 * 1024) + " MB");
            case 500 -> OperationOutcomes.plain(500, CdsHooksDiagnostic.INTERNAL_ERROR,
                    "internal error: the service could not answer this request");
            case 414 -> OperationOutcomes.plain(414, CdsHooksDiagnostic.URI_TOO_LONG, "the URL is too long");
            case 415 -> OperationOutcomes.plain(415, CdsHooksDiagnostic.NOT_JSON, "the body must be JSON (Content-Type: application/json)");
            case 431 -> OperationOutcomes.plain(431, CdsHooksDiagnostic.HEADERS_TOO_LARGE, "the request's headers are too large");
            default -> OperationOutcomes.plain(status, CdsHooksDiagnostic.BAD_HTTP_REQUEST,
                    "the HTTP request could not be read (status " + status + ")");
        };
    }

    /** A path as the answer may quote it: short, and nothing a terminal or a log would interpret. */
    static String printable(String path) {
        String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }

    private HookService authorisedService(Context ctx) {
        JwtAuthenticator auth = authenticator.get();
        // Fail closed: a call in the instant between the bind and the authenticator's set-up is refused.
        if (tokensRequired && (auth == null || !auth.authenticated(ctx.header("Authorization"), ctx.path()))) {
            throw new Unauthorised();
        }
        String id = ctx.pathParam("id");
        return HookService.byId(id).orElseThrow(() -> new HookException(404, CdsHooksDiagnostic.UNKNOWN_SERVICE, null,
                "no CDS service '" + printable(id) + "': GET " + SERVICES + " lists them"));
    }

    private static JsonNode body(Context ctx) {
        try {
            return RequestJson.read(ctx.contentType(), ctx.req().getContentLengthLong(), ctx.req().getInputStream());
        } catch (IOException e) {
            throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null, "the body could not be read");
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.attribute(ANSWERED, true);
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    static void outcome(Context ctx, int status, OperationOutcomeJson outcome) {
        ctx.attribute(ANSWERED, true);
        ctx.status(status).contentType("application/fhir+json").result(Json.write(outcome));
    }

    /** A failed authentication; carries nothing, so nothing about it can reach the caller. */
    private static final class Unauthorised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorised() {
            super(null, null, false, false);
        }
    }
}
