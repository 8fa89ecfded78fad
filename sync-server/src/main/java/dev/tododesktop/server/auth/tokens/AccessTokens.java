package dev.tododesktop.server.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies access tokens: ES256 JWTs with {@code kid}, and the claims
 * {@code iss, aud, sub, sid, iat, exp, jti}.
 *
 * <p>Verification accepts only ES256 with one of our keys: {@code alg: none}, HMAC (including
 * HMAC keyed with our public key), any other algorithm, an unknown {@code kid}, a bad signature,
 * the wrong issuer or audience and an expired token (60 s leeway) are all refused. It says
 * nothing about the session: the caller checks that it is still live.
 *
 * <p>A token that verified once is remembered (until it expires, in a bounded map keyed by the
 * whole token string), because ECDSA verification costs far more than the rest of a request.
 */
public final class AccessTokens {

    public static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int VERIFIED_CACHE_MAX = 20_000;

    private final SigningKeyStore keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Map<String, AccessClaims> verified = new ConcurrentHashMap<>();

    public AccessTokens(SigningKeyStore keys, Clock clock, String issuer, String audience, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    public IssuedAccessToken issue(UUID userId, UUID sessionId) {
        var key = keys.signingKey();
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .claim("sid", sessionId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var header = new JWSHeader.Builder(SigningKeyStore.ALGORITHM)
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.kid(), e);
        }
        return new IssuedAccessToken(jwt.serialize(), expires);
    }

    public Duration ttl() {
        return ttl;
    }

    /** The token's claims, or why it is refused (a short reason for logs, never the token). */
    public Verification verify(String token) {
        Instant now = clock.instant();
        var known = verified.get(token);
        if (known != null) {
            return now.isBefore(known.expiresAt().plus(LEEWAY))
                    ? new Verification.Valid(known)
                    : new Verification.Invalid("expired");
        }
        var result = verifyFully(token, now);
        if (result instanceof Verification.Valid(AccessClaims claims)) {
            if (verified.size() >= VERIFIED_CACHE_MAX) {
                verified.values().removeIf(c -> !now.isBefore(c.expiresAt().plus(LEEWAY)));
                if (verified.size() >= VERIFIED_CACHE_MAX) {
                    verified.clear();
                }
            }
            verified.put(token, claims);
        }
        return result;
    }

    private Verification verifyFully(String token, Instant now) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return new Verification.Invalid("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!SigningKeyStore.ALGORITHM.equals(header.getAlgorithm())) {
            return new Verification.Invalid("algorithm not accepted");
        }
        String kid = header.getKeyID();
        if (kid == null) {
            return new Verification.Invalid("no key id");
        }
        Optional<SigningKey> key = keys.verificationKey(kid);
        if (key.isEmpty()) {
            return new Verification.Invalid("unknown key id");
        }
        try {
            if (!jwt.verify(key.get().verifier())) {
                return new Verification.Invalid("bad signature");
            }
        } catch (JOSEException | IllegalStateException e) {
            return new Verification.Invalid("bad signature");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return new Verification.Invalid("unreadable claims");
        }
        if (!issuer.equals(claims.getIssuer())) {
            return new Verification.Invalid("wrong issuer");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return new Verification.Invalid("wrong audience");
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getJWTID() == null) {
            return new Verification.Invalid("missing claims");
        }
        if (!now.isBefore(exp.toInstant().plus(LEEWAY))) {
            return new Verification.Invalid("expired");
        }
        if (iat.toInstant().isAfter(now.plus(LEEWAY))) {
            return new Verification.Invalid("issued in the future");
        }
        try {
            var subject = UUID.fromString(String.valueOf(claims.getSubject()));
            var session = UUID.fromString(String.valueOf(claims.getStringClaim("sid")));
            return new Verification.Valid(new AccessClaims(subject, session, exp.toInstant()));
        } catch (IllegalArgumentException | ParseException e) {
            return new Verification.Invalid("bad subject or session");
        }
    }

    /** The outcome of {@link #verify}. */
    public sealed interface Verification {
        record Valid(AccessClaims claims) implements Verification {}

        record Invalid(String reason) implements Verification {}
    }
}
