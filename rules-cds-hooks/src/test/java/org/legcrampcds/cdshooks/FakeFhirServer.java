package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The EHR's side on loopback: a FHIR server of canned search Bundles for one patient (paged when
 * asked), and a JWKS. It records every request with its Authorization header, so that tests can
 * check what was fetched and that the bearer token was forwarded.
 */
final class FakeFhirServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String pathAndQuery, String authorization) {
    }

    private final HttpServer server;
    private final TestPatient patient;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private volatile int pageSize = 1000;
    private volatile String jwks = "{\"keys\":[]}";
    private volatile String foreignNextLink;

    FakeFhirServer(TestPatient patient) throws IOException {
        this.patient = patient;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/fhir/", this::fhir);
        server.createContext("/jwks", exchange -> send(exchange, 200, "application/json", jwks));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    void jwks(String json) {
        this.jwks = json;
    }

    /** Search results come back this many to a page, linked by {@code next}. */
    void pageSize(int size) {
        this.pageSize = size;
    }

    /** Requests for this resource type answer with this status. */
    void fail(String resourceType, int status) {
        failing.put(resourceType, status);
    }

    /** The first page's next link points to another server. */
    void nextLinkTo(String url) {
        this.foreignNextLink = url;
    }

    /** Every request answers normally again. */
    void heal() {
        failing.clear();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    void forget() {
        seen.clear();
    }

    private void fhir(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath().substring("/fhir/".length());
        seen.add(new Seen(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization")));
        String type = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        Integer status = failing.get(type);
        if (status != null) {
            send(exchange, status, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}");
            return;
        }
        if (path.equals("Patient/" + patient.id())) {
            send(exchange, 200, "application/fhir+json", Json.write(patient.resources("Patient").get(0)));
            return;
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (!patient.id().equals(query.get("patient"))) {
            send(exchange, 404, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}");
            return;
        }
        int page = Integer.parseInt(query.getOrDefault("_page", "1"));
        List<JsonNode> all = new ArrayList<>(patient.resources(type));
        if (type.equals("Observation") && query.containsKey("code")) {
            List<String> codes = List.of(query.get("code").split(","));
            all.removeIf(o -> o.path("code").path("coding").findValues("code").stream()
                    .noneMatch(c -> codes.contains("http://loinc.org|" + c.asText())));
        }
        int from = Math.min((page - 1) * pageSize, all.size());
        int to = Math.min(from + pageSize, all.size());
        ObjectNode bundle = Json.object().put("resourceType", "Bundle").put("type", "searchset").put("total", all.size());
        if (to < all.size()) {
            String next = foreignNextLink != null ? foreignNextLink
                    : base() + "/" + type + "?patient=" + patient.id() + "&_page=" + (page + 1);
            bundle.putArray("link").addObject().put("relation", "next").put("url", next);
        }
        ArrayNode entries = bundle.putArray("entry");
        all.subList(from, to).forEach(r -> entries.addObject().set("resource", r));
        send(exchange, 200, "application/fhir+json", Json.write(bundle));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
