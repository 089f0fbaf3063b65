package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A FHIR server on 127.0.0.1 (ephemeral port) that attacks its client, one {@link Behaviour} for
 * every request: it answers slowly, dribbles, sends far too much, pages for ever, or sends garbage.
 * It counts the requests it got and the bytes it managed to send, so that a test can tell that the
 * service stopped reading.
 */
final class HostileFhirServer implements AutoCloseable {

    /** What every request gets. */
    enum Behaviour {
        /** Headers only after {@link #SLOW_MS}. */
        SLOW,
        /** Headers at once, then one byte of a Bundle every 500 ms, never finishing. */
        DRIBBLE,
        /** A Bundle padded with whitespace to {@link #size} bytes, chunked, no Content-Length. */
        PADDED,
        /** The same, with its Content-Length declared up front. */
        PADDED_DECLARED,
        /** An empty searchset Bundle whose next link leads to one more page, for ever. */
        ENDLESS_PAGES,
        /** 200, {@code application/fhir+json}, and 64 kB of random bytes. */
        GARBAGE,
        /** A Bundle nested 100,000 arrays deep inside an extension value. */
        DEEP
    }

    static final long SLOW_MS = 30_000;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-fhir");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    private volatile Behaviour behaviour = Behaviour.SLOW;
    private volatile long size = 100L * 1024 * 1024;

    HostileFhirServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/fhir/", this::answer);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    HostileFhirServer behave(Behaviour b) {
        this.behaviour = b;
        return this;
    }

    /** The size of {@link Behaviour#PADDED} answers; 100 MB unless set. */
    HostileFhirServer size(long bytes) {
        this.size = bytes;
        return this;
    }

    int requests() {
        return requests.get();
    }

    /** The bytes of bodies the client accepted before it closed the connection (or all of them). */
    long bytesSent() {
        return sent.get();
    }

    void forget() {
        requests.set(0);
        sent.set(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            switch (behaviour) {
                case SLOW -> {
                    sleep(SLOW_MS);
                    byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    write(out, body);
                }
                case DRIBBLE -> {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"                                              "
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; ; i = (i + 1) % body.length) {
                        write(out, new byte[] {body[i]});
                        out.flush();
                        sleep(500);
                    }
                }
                case PADDED, PADDED_DECLARED -> padded(exchange, out, behaviour == Behaviour.PADDED_DECLARED);
                case ENDLESS_PAGES -> {
                    String query = exchange.getRequestURI().getRawQuery();
                    int page = query != null && query.contains("_page=") ? Integer.parseInt(query.replaceAll(".*_page=(\\d+).*", "$1")) : 1;
                    String type = exchange.getRequestURI().getPath().substring("/fhir/".length());
                    byte[] body = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\""
                            + base() + "/" + type + "?patient=p1&_page=" + (page + 1) + "\"}]}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    write(out, body);
                }
                case GARBAGE -> {
                    byte[] body = new byte[64 * 1024];
                    new Random(18).nextBytes(body);
                    exchange.sendResponseHeaders(200, body.length);
                    write(out, body);
                }
                case DEEP -> {
                    int depth = 100_000;
                    StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"x\":");
                    json.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
                    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    write(out, body);
                }
            }
        } catch (IOException e) {
            // The client hung up: what the tests want.
        }
    }

    /** A valid searchset Bundle whose whitespace brings it to {@link #size} bytes. */
    private void padded(HttpExchange exchange, OutputStream out, boolean declared) throws IOException {
        byte[] head = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "}".getBytes(StandardCharsets.UTF_8);
        long total = size;
        exchange.sendResponseHeaders(200, declared ? total : 0);
        write(out, head);
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        long left = total - head.length - tail.length;
        while (left > 0) {
            int n = (int) Math.min(spaces.length, left);
            write(out, Arrays.copyOf(spaces, n));
            left -= n;
        }
        write(out, tail);
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        sent.addAndGet(bytes.length);
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("stopped");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
