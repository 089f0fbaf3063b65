package org.legcrampcds.cdshooks;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the CDS client's JWT (CDS Hooks 2.0 "Trusting CDS Clients", interfaces.md §7): a JWS
 * signed with an asymmetric algorithm by a key of the JWKS of a trusted issuer, whose {@code iss}
 * is that issuer, whose {@code aud} names this service (its URL, or the endpoint called), with
 * {@code exp}, {@code iat} and a {@code jti} never seen before. Unsigned and HMAC tokens never pass:
 * a shared secret would let any holder of it speak for the EHR. The token itself is never logged.
 */
final class JwtAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

    /** RSA and EC signatures: keys a JWKS publishes. (EdDSA needs a library this service does not ship.) */
    static final Set<JWSAlgorithm> ASYMMETRIC;

    static {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        ASYMMETRIC = Set.copyOf(algorithms);
    }

    private static final long SKEW_MILLIS = 60_000;

    /** The longest a token may live, {@code exp} after {@code iat} (CDS Hooks 2.0 recommends 5 minutes), before the skew. */
    static final long MAX_LIFETIME_MILLIS = 5 * 60_000;

    private final Map<String, ConfigurableJWTProcessor<SecurityContext>> processors = new HashMap<>();
    private final String serviceUrl;
    private final ReplayCache replays;
    private final Clock clock;

    JwtAuthenticator(TrustedIssuers issuers, String serviceUrl, Clock clock) {
        this.serviceUrl = serviceUrl;
        this.clock = clock;
        this.replays = new ReplayCache(100_000);
        issuers.jwksByIssuer().forEach((iss, jwks) -> processors.put(iss, processor(iss, jwks)));
    }

    private static ConfigurableJWTProcessor<SecurityContext> processor(String issuer, URI jwks) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwks.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new CdsHooksConfigException(CdsHooksDiagnostic.BAD_TRUSTED_ISSUERS, "jwksUrl of " + issuer + ": not a URL");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iss", "aud", "exp", "iat", "jti"), null);
        claims.setMaxClockSkew((int) (SKEW_MILLIS / 1000));
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /**
     * Whether the call is authenticated.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param endpoint      the path called, for example {@code /cds-services/leg-cramps-patient-view}
     */
    boolean authenticated(String authorization, String endpoint) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return reject("no bearer token");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            return reject("not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return reject("not a signed JWT (alg none or encrypted)");
        }
        // CDS Hooks 2.0: the header names the key (kid), so that the client can rotate its keys.
        String kid = signed.getHeader().getKeyID();
        if (kid == null || kid.isBlank()) {
            return reject("no kid in the header");
        }
        String issuer;
        try {
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return reject("claims are not JSON");
        }
        ConfigurableJWTProcessor<SecurityContext> processor = issuer == null ? null : processors.get(issuer);
        if (processor == null) {
            return reject("issuer not trusted");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException e) {
            return reject("rejected: " + e.getClass().getSimpleName());
        } catch (JOSEException e) {
            LOG.warn("JWT of issuer {} could not be checked: {}", issuer, e.getClass().getSimpleName());
            return false;
        }
        long now = clock.millis();
        if (!audienceNamesUs(claims.getAudience(), endpoint)) {
            return reject("aud does not name this service");
        }
        Date iat = claims.getIssueTime();
        if (iat.getTime() > now + SKEW_MILLIS) {
            return reject("iat in the future");
        }
        // A long-lived token is a replayable one: exp at most 5 minutes (and the skew) after iat.
        if (claims.getExpirationTime().getTime() - iat.getTime() > MAX_LIFETIME_MILLIS + SKEW_MILLIS) {
            return reject("exp more than 5 minutes after iat");
        }
        if (!replays.firstUse(issuer + ' ' + claims.getJWTID(), claims.getExpirationTime().getTime() + SKEW_MILLIS, now)) {
            return reject("jti already used");
        }
        return true;
    }

    private boolean audienceNamesUs(List<String> audience, String endpoint) {
        for (String aud : audience) {
            String a = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
            if (a.equals(serviceUrl) || a.equals(serviceUrl + endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reject(String why) {
        // The reason helps an integrator at DEBUG; the caller learns nothing (401 with no detail).
        LOG.debug("JWT refused: {}", why);
        return false;
    }
}
