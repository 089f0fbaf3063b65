package org.legcrampcds.cdshooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Reads from the EHR's FHIR server with the JDK's HTTP client, sending the call's
 * {@code fhirAuthorization} bearer token, within the {@link FhirServerLimits} of one call: every
 * answer's body is streamed into memory through a counting bound (never buffered whole before it is
 * counted), one deadline covers the whole call's fetching, bodies included, and the bytes the service
 * holds over all calls are bounded too. A server that fails (an error status, no connection, a body
 * that is not FHIR) is {@link CdsHooksDiagnostic#FHIR_SERVER_FAILED}; a bound crossed has its own
 * code. Either way the call gets 412, and what was read is dropped at once.
 */
final class FhirServerClient {

    private final HttpClient http;
    private final FhirJson fhir;
    private final FhirServerLimits limits;
    /** Bytes of FHIR answers held by all calls in flight, bounded by {@link FhirServerLimits#maxHeldBytes()}. */
    private final AtomicLong held = new AtomicLong();

    FhirServerClient(FhirJson fhir, FhirServerLimits limits) {
        this.fhir = fhir;
        this.limits = limits;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The URL of a prefetch query on the server, each parameter value encoded.
     *
     * @param query a relative query such as {@code Observation?patient=p1&code=http://loinc.org|2823-3}
     */
    static URI resolve(URI server, String query) {
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        int q = query.indexOf('?');
        if (q < 0) {
            return URI.create(base + query);
        }
        StringBuilder url = new StringBuilder(base).append(query, 0, q + 1);
        String[] params = query.substring(q + 1).split("&");
        for (int i = 0; i < params.length; i++) {
            int eq = params[i].indexOf('=');
            url.append(i == 0 ? "" : "&").append(params[i], 0, eq + 1)
                    .append(URLEncoder.encode(params[i].substring(eq + 1), StandardCharsets.UTF_8));
        }
        return URI.create(url.toString());
    }

    /** The fetching of one call; close it when the call has what it needs or has failed. */
    Fetch begin() {
        return new Fetch();
    }

    /** Bytes of FHIR answers held now over every call in flight (for tests). */
    long heldBytes() {
        return held.get();
    }

    static HookException failed(@Nullable String field, String reason) {
        return new HookException(412, CdsHooksDiagnostic.FHIR_SERVER_FAILED, field, reason);
    }

    private static String why(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "refused the connection";
        }
        return cause instanceof IOException ? "could not be reached" : "could not be asked";
    }

    /**
     * One call's fetching: its deadline, what its answers weigh, how many requests it made, and the
     * bodies it is reading, so that the first bound crossed stops them all.
     */
    final class Fetch implements AutoCloseable {
        private final long deadline = System.nanoTime() + limits.deadline().toNanos();
        private final Set<BoundedBody> reading = ConcurrentHashMap.newKeySet();
        private final Set<CompletableFuture<?>> sent = ConcurrentHashMap.newKeySet();
        private long bytes;
        private long holding;
        private int pages;
        private boolean closed;

        private Fetch() {
        }

        /** Reads one resource or search page; the future fails with a {@link HookException}. */
        CompletableFuture<Resource> get(URI url, @Nullable String accessToken, String field) {
            synchronized (this) {
                if (++pages > limits.maxPages()) {
                    throw new HookException(412, CdsHooksDiagnostic.FHIR_TOO_MANY_PAGES, field,
                            "fhirServer would need more than " + limits.maxPages() + " requests for this call");
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw pastDeadline(field);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofNanos(remaining)).GET()
                    .header("Accept", "application/fhir+json");
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            CompletableFuture<HttpResponse<List<byte[]>>> response = http.sendAsync(request.build(), info -> body(info, field));
            sent.add(response);
            return response.handle((answer, failure) -> {
                sent.remove(response);
                if (failure != null) {
                    HookException bound = hookException(failure);
                    if (bound != null) {
                        throw bound;
                    }
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    throw cause instanceof HttpTimeoutException ? pastDeadline(field) : failed(field, "the FHIR server " + why(cause));
                }
                return parse(answer.body(), field);
            });
        }

        /**
         * What a fetched key gives, waited for until the call's deadline at the latest.
         *
         * @throws HookException the key's failure, or {@code LCC-H033} at the deadline
         */
        <T> T await(CompletableFuture<T> future, Supplier<@Nullable String> field) {
            long remaining = deadline - System.nanoTime();
            try {
                return future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw pastDeadline(field.get());
            } catch (ExecutionException e) {
                HookException hook = hookException(e);
                if (hook != null) {
                    throw hook;
                }
                throw failed(field.get(), "the FHIR server's answer could not be read");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw pastDeadline(field.get());
            }
        }

        /** Stops every read in flight and gives back what this call held. */
        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                held.addAndGet(-holding);
                holding = 0;
            }
            reading.forEach(b -> b.stop(null));
            // Still waiting for headers: the client aborts the exchange.
            sent.forEach(f -> f.cancel(true));
        }

        private HookException pastDeadline(@Nullable String field) {
            return new HookException(412, CdsHooksDiagnostic.FHIR_DEADLINE, field,
                    "fhirServer did not finish answering within " + limits.deadline().toMillis() + " ms");
        }

        private HttpResponse.BodySubscriber<List<byte[]>> body(HttpResponse.ResponseInfo info, String field) {
            if (info.statusCode() / 100 != 2) {
                // The error body is not read at all: it could be as big as the server likes.
                return new BoundedBody(field, failed(field, "the FHIR server answered HTTP " + info.statusCode()));
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
            if (declared > limits.maxResponseBytes()) {
                return new BoundedBody(field, answerTooLarge(field));
            }
            return new BoundedBody(field, null);
        }

        private HookException answerTooLarge(String field) {
            return new HookException(412, CdsHooksDiagnostic.FHIR_ANSWER_TOO_LARGE, field,
                    "an answer of fhirServer is over " + megabytes(limits.maxResponseBytes()));
        }

        /** Counts n more bytes of this call's answers; null when they may be kept, else why not. */
        private synchronized @Nullable HookException take(long n, String field) {
            if (closed) {
                return failed(field, "the call stopped fetching");
            }
            bytes += n;
            if (bytes > limits.maxCallBytes()) {
                return new HookException(412, CdsHooksDiagnostic.FHIR_ANSWERS_TOO_LARGE, field,
                        "the answers of fhirServer to this call are over " + megabytes(limits.maxCallBytes()));
            }
            if (held.addAndGet(n) > limits.maxHeldBytes()) {
                held.addAndGet(-n);
                return new HookException(412, CdsHooksDiagnostic.FHIR_SERVICE_BUSY, field,
                        "the service holds as much of FHIR servers' answers as it may: try again shortly");
            }
            holding += n;
            return null;
        }

        private Resource parse(List<byte[]> chunks, String field) {
            List<InputStream> parts = new ArrayList<>(chunks.size());
            chunks.forEach(c -> parts.add(new ByteArrayInputStream(c)));
            try (var reader = new InputStreamReader(new SequenceInputStream(Collections.enumeration(parts)),
                    StandardCharsets.UTF_8)) {
                return fhir.parse(reader, field);
            } catch (HookException | IOException e) {
                throw failed(field, "the FHIR server's answer is not FHIR R4 JSON");
            }
        }

        /**
         * The body of one answer, kept as the chunks that arrive, each counted against the bounds
         * before it is kept; the first bound crossed cancels the read, which closes the connection.
         */
        private final class BoundedBody implements HttpResponse.BodySubscriber<List<byte[]>> {
            private final CompletableFuture<List<byte[]>> result = new CompletableFuture<>();
            private final String field;
            private final @Nullable HookException refused;
            private final List<byte[]> chunks = new ArrayList<>();
            private volatile Flow.@Nullable Subscription subscription;
            private long size;

            BoundedBody(String field, @Nullable HookException refused) {
                this.field = field;
                this.refused = refused;
            }

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                if (refused != null) {
                    stop(refused);
                    return;
                }
                reading.add(this);
                boolean stopped;
                synchronized (Fetch.this) {
                    stopped = closed;
                }
                if (stopped) {
                    stop(null);
                } else {
                    s.request(1);
                }
            }

            @Override
            public void onNext(List<ByteBuffer> items) {
                for (ByteBuffer item : items) {
                    int n = item.remaining();
                    size += n;
                    HookException bound = size > limits.maxResponseBytes() ? answerTooLarge(field) : take(n, field);
                    if (bound != null) {
                        stop(bound);
                        return;
                    }
                    byte[] chunk = new byte[n];
                    item.get(chunk);
                    synchronized (this) {
                        if (result.isDone()) {
                            return;
                        }
                        chunks.add(chunk);
                    }
                }
                Flow.Subscription s = subscription;
                if (s != null && !result.isDone()) {
                    s.request(1);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                reading.remove(this);
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                reading.remove(this);
                synchronized (this) {
                    result.complete(chunks);
                }
            }

            @Override
            public CompletionStage<List<byte[]>> getBody() {
                return result;
            }

            /** Cancels the read (the client closes the connection) and fails the body with why, if any. */
            void stop(@Nullable HookException why) {
                reading.remove(this);
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                synchronized (this) {
                    chunks.clear();
                }
                result.completeExceptionally(why != null ? why : failed(field, "the call stopped fetching"));
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** The HookException a failure carries, however deep the client wrapped it. */
    private static @Nullable HookException hookException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HookException h) {
                return h;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
