package org.legcrampcds.cdshooks;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * The body of a hook or feedback call, read within the bounds of interfaces.md §7 (2.3): at most
 * 32 MB (413, {@code LCC-H023}); JSON nested at most 200 levels (400, {@code LCC-H028}), strings and
 * field names of at most 1 MB ({@code LCC-H029}) and numbers of at most 1,000 digits
 * ({@code LCC-H030}). The body is parsed as it arrives, never buffered whole, and a bound is reported
 * where it was crossed, never as a 500.
 */
final class RequestJson {

    static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    static final int MAX_DEPTH = 200;
    static final int MAX_STRING_CHARS = 1024 * 1024;
    static final int MAX_NUMBER_DIGITS = 1_000;

    private static final Pattern JSON_TYPE = Pattern.compile("application/([a-z.+-]+\\+)?json\\s*(;.*)?");

    /** Reads request bodies only; answers are written by {@link Json}. */
    private static final ObjectMapper BOUNDED = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .build())
            .build()).build();

    private RequestJson() {
    }

    /**
     * The body as a JSON tree.
     *
     * @param contentType   the call's {@code Content-Type}, or null when it has none
     * @param contentLength the declared length, or -1 when unknown (chunked)
     * @throws HookException 415 for a body that is not JSON, 413 or 400 past a bound
     */
    static JsonNode read(@Nullable String contentType, long contentLength, InputStream body) {
        if (contentType == null || !JSON_TYPE.matcher(contentType.toLowerCase(Locale.ROOT)).matches()) {
            throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null,
                    "the body must be JSON (Content-Type: application/json), not " + (contentType == null ? "untyped" : "'" + contentType + "'"));
        }
        if (contentLength > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        JsonParser parser = null;
        try (JsonParser p = BOUNDED.createParser(new Limited(body))) {
            parser = p;
            JsonNode node = BOUNDED.readTree(p);
            if (node == null || node.isMissingNode()) {
                throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null, "the body is empty: a JSON object is required");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw beyondBound(e, parser);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof TooLarge) {
                throw tooLarge();
            }
            var at = e.getLocation();
            throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null, "the body is not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new HookException(415, CdsHooksDiagnostic.NOT_JSON, null, "the body could not be read");
        }
    }

    private static HookException tooLarge() {
        return new HookException(413, CdsHooksDiagnostic.REQUEST_TOO_LARGE, null,
                "the body is over " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
    }

    /** Which bound, and where: Jackson reports the bound in its message and the place in its parser. */
    private static HookException beyondBound(StreamConstraintsException e, @Nullable JsonParser parser) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase(Locale.ROOT);
        String field = parser == null ? null : path(parser.getParsingContext());
        if (message.contains("nesting depth")) {
            return new HookException(400, CdsHooksDiagnostic.JSON_TOO_DEEP, field,
                    "the JSON is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (message.contains("number")) {
            return new HookException(400, CdsHooksDiagnostic.JSON_NUMBER_TOO_LONG, field,
                    "a number has more than " + MAX_NUMBER_DIGITS + " digits");
        }
        if (message.contains("string") || message.contains("name")) {
            return new HookException(400, CdsHooksDiagnostic.JSON_STRING_TOO_LONG, field,
                    "a string is longer than " + MAX_STRING_CHARS + " characters (1 MB)");
        }
        // Any other bound Jackson enforces (the document's length): the body is too large.
        return tooLarge();
    }

    /**
     * The place in the request, as the service's other errors name fields ({@code prefetch.observations.entry[3]});
     * at most the first 8 steps, so that a deep nesting gives a short name. Null at the top.
     */
    static @Nullable String path(@Nullable JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                steps.push("." + c.getCurrentName());
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        int n = 0;
        for (String step : steps) {
            if (n++ == 8) {
                path.append("...");
                break;
            }
            path.append(step);
        }
        return path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** Signals the 32 MB bound from inside the parser's reads. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("over the request size bound", null);
        }
    }

    /** Counts what the parser reads and stops one byte past the bound, whatever the declared length. */
    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
