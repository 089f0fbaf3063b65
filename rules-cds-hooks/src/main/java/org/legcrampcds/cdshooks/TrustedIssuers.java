package org.legcrampcds.cdshooks;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CDS clients whose JWTs the service accepts: issuer ({@code iss}) → the URL of its JWKS, and
 * the service's own public URL, which every token's {@code aud} must name. Read from a JSON file:
 *
 * <pre>{@code
 * {
 *   "serviceUrl": "https://cds.example.org",
 *   "issuers": [
 *     {"iss": "https://ehr.example.org", "jwksUrl": "https://ehr.example.org/.well-known/jwks.json"}
 *   ]
 * }
 * }</pre>
 *
 * {@code serviceUrl} may be left out: it is then {@code http://HOST:PORT} of the bind, which is right
 * only when the EHR calls the service directly, not through a proxy.
 */
public final class TrustedIssuers {

    private static final Set<String> KEYS = Set.of("serviceUrl", "issuers");
    private static final Set<String> ISSUER_KEYS = Set.of("iss", "jwksUrl");

    private final Map<String, URI> jwksByIssuer;
    private final String serviceUrl;

    private TrustedIssuers(Map<String, URI> jwksByIssuer, String serviceUrl) {
        this.jwksByIssuer = Map.copyOf(jwksByIssuer);
        this.serviceUrl = serviceUrl;
    }

    /**
     * Trusted issuers given in code.
     *
     * @param jwksByIssuer issuer → JWKS URL (http or https); at least one
     * @param serviceUrl   the service's public URL, or null for that of the bind
     */
    public static TrustedIssuers of(Map<String, URI> jwksByIssuer, String serviceUrl) {
        Objects.requireNonNull(jwksByIssuer, "jwksByIssuer");
        if (jwksByIssuer.isEmpty()) {
            throw bad("trusted issuers", "issuers: at least one issuer is needed");
        }
        jwksByIssuer.forEach((iss, url) -> checkUrl("trusted issuers", "jwksUrl of " + iss, url.toString()));
        return new TrustedIssuers(jwksByIssuer, serviceUrl == null ? null : checkUrl("trusted issuers", "serviceUrl", serviceUrl));
    }

    /**
     * Reads the JSON file described on the class.
     *
     * @throws CdsHooksConfigException ({@code LCC-H008}) naming the file and the field at fault
     */
    public static TrustedIssuers read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw bad(where, "not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw bad(where, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad(where, "a JSON object with \"issuers\" is required");
        }
        unknownKeys(where, root, KEYS, "");
        JsonNode issuers = root.get("issuers");
        if (issuers == null || !issuers.isArray() || issuers.isEmpty()) {
            throw bad(where, "issuers: a non-empty array is required");
        }
        Map<String, URI> jwks = new LinkedHashMap<>();
        for (int i = 0; i < issuers.size(); i++) {
            JsonNode issuer = issuers.get(i);
            String at = "issuers[" + i + "]";
            if (!issuer.isObject()) {
                throw bad(where, at + ": an object with iss and jwksUrl is required");
            }
            unknownKeys(where, issuer, ISSUER_KEYS, at + ".");
            String iss = text(where, issuer, "iss", at + ".iss");
            if (jwks.put(iss, URI.create(checkUrl(where, at + ".jwksUrl", text(where, issuer, "jwksUrl", at + ".jwksUrl")))) != null) {
                throw bad(where, at + ".iss: issuer '" + iss + "' is listed twice");
            }
        }
        String serviceUrl = root.has("serviceUrl") ? checkUrl(where, "serviceUrl", text(where, root, "serviceUrl", "serviceUrl")) : null;
        return new TrustedIssuers(jwks, serviceUrl);
    }

    /** Issuer → JWKS URL. */
    public Map<String, URI> jwksByIssuer() {
        return jwksByIssuer;
    }

    /** The public URL that tokens' {@code aud} must name, if the file gave one. */
    public Optional<String> serviceUrl() {
        return Optional.ofNullable(serviceUrl);
    }

    private static void unknownKeys(String where, JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw bad(where, prefix + key + ": unknown field (expected one of " + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(String where, JsonNode node, String key, String field) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad(where, field + ": a non-empty string is required");
        }
        return value.asText();
    }

    private static String checkUrl(String where, String field, String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw bad(where, field + ": an absolute http or https URL is required, not '" + url + "'");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (URISyntaxException e) {
            throw bad(where, field + ": not a URL: '" + url + "'");
        }
    }

    private static CdsHooksConfigException bad(String where, String message) {
        return new CdsHooksConfigException(CdsHooksDiagnostic.BAD_TRUSTED_ISSUERS, where + ": " + message);
    }
}
