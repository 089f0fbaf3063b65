package org.legcrampcds.cdshooks;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** A CDS client's signing key and the JWTs it sends, good and bad. */
final class TestTokens {

    final String issuer;
    private final RSAKey key;

    TestTokens(String issuer) {
        this.issuer = issuer;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(issuer + "#k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS the issuer publishes: its public key only. */
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** Claims as CDS Hooks 2.0 wants them, for this audience, valid for five minutes from now. */
    JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("ehr-client").audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    String rs256(String audience) {
        return rs256(audience, c -> c);
    }

    String rs256(String audience, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), change.apply(claims(audience)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A good token but for its header, which names no key ({@code kid}): CDS Hooks 2.0 requires one. */
    String rs256WithoutKid(String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims(audience).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with a shared secret: what must never be accepted. */
    String hs256(String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(audience).build());
            jwt.sign(new MACSigner(new byte[32]));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}). */
    String none(String audience) {
        return new PlainJWT(claims(audience).build()).serialize();
    }
}
