package org.legcrampcds.cdshooks;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.legcrampcds.cdshooks.json.OperationOutcomeJson;

/**
 * The answers Jetty gives itself, before any route is reached (a bad path character, a URL or
 * headers too large, a request line it cannot parse), as OperationOutcomes with the service's
 * diagnostic code instead of Jetty's HTML page (interfaces.md §7, 2.3). One handler for the server
 * (what fails while the request is parsed) and one for the servlet context (what fails on its way in).
 */
final class JettyErrors {

    private static final String FHIR_JSON = "application/fhir+json";

    private JettyErrors() {
    }

    /** The OperationOutcome of an error status Jetty produced; nothing of the request is quoted. */
    static byte[] body(int status) {
        OperationOutcomeJson outcome = switch (status) {
            case 414 -> OperationOutcomes.plain(414, CdsHooksDiagnostic.URI_TOO_LONG, "the URL is too long");
            case 431 -> OperationOutcomes.plain(431, CdsHooksDiagnostic.HEADERS_TOO_LARGE, "the request's headers are too large");
            case 400 -> OperationOutcomes.plain(400, CdsHooksDiagnostic.BAD_HTTP_REQUEST,
                    "the HTTP request could not be read: a malformed request line, path or header");
            case 415 -> OperationOutcomes.plain(415, CdsHooksDiagnostic.NOT_JSON, "the body must be JSON (Content-Type: application/json)");
            default -> HttpLayer.routingError(status, "", "this path");
        };
        return Json.write(outcome).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean answer(Response response, Callback callback, int status) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, FHIR_JSON);
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    /** For the server: what fails while a request is parsed (414, 431, a bad request line). */
    static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return answer(response, callback, code);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, FHIR_JSON);
            return ByteBuffer.wrap(body(status));
        }
    }

    /** For the servlet context Javalin runs in: what fails before Javalin's routes (an ambiguous path). */
    static final class ContextErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) {
            return answer(response, callback, code);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, FHIR_JSON);
            return ByteBuffer.wrap(body(status));
        }
    }
}
