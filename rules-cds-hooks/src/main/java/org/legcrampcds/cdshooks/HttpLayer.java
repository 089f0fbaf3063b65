package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

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
    private static final String ANSWERED = "leg-cramp-cds.answered";

    private final CdsHooks hooks;
    private final boolean tokensRequired;
    private final Supplier<@Nullable JwtAuthenticator> authenticator;

    /**
     * @param tokensRequired whether every hook and feedback call must carry a trusted JWT
     * @param authenticator  the JWT check, set once the service's URL is known; until then calls are refused
     */
    HttpLayer(CdsHooks hooks, boolean tokensRequired, Supplier<@Nullable JwtAuthenticator> authenticator) {
        this.hooks = hooks;
        this.tokensRequired = tokensRequired;
        this.authenticator = authenticator;
    }

    Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = RequestJson.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            // Browser-based CDS clients (SMART apps, the CDS Hooks sandbox) call from another origin.
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.anyHost()));
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} {} in {} ms", ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(ms)));
            install(config);
        });
    }

    private void install(JavalinConfig config) {
        config.routes.get(SERVICES, ctx -> json(ctx, 200, hooks.discovery()));
        config.routes.post(SERVICES + "/{id}", ctx -> {
            HookService service = authorisedService(ctx);
            json(ctx, 200, hooks.call(service, body(ctx)));
        });
        config.routes.post(SERVICES + "/{id}/feedback", ctx -> {
            HookService service = authorisedService(ctx);
            hooks.feedback(service, body(ctx));
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
            outcome(ctx, 500, OperationOutcomes.plain(500, CdsHooksDiagnostic.INTERNAL_ERROR,
                    "internal error: the service could not answer this request"));
        });
        for (int status : new int[] {400, 404, 405, 413, 500}) {
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
