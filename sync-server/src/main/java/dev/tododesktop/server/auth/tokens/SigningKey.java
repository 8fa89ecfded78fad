package dev.tododesktop.server.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/**
 * One ES256 key pair from the database. {@link #toString()} names only the key id: the private
 * half must never reach a log.
 *
 * @param retireAt after this, the key no longer signs
 * @param expireAt after this, the key no longer verifies and leaves the JWKS
 */
public record SigningKey(String kid, ECKey jwk, Instant createdAt, Instant retireAt, Instant expireAt,
                         JWSSigner signer, JWSVerifier verifier) {

    static SigningKey of(ECKey jwk, Instant createdAt, Instant retireAt, Instant expireAt) {
        try {
            var publicKey = jwk.toECPublicKey();
            return new SigningKey(jwk.getKeyID(), jwk, createdAt, retireAt, expireAt,
                    new ECDSASigner(jwk), new ECDSAVerifier(publicKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + jwk.getKeyID(), e);
        }
    }

    /** The public half, as listed in the JWKS. */
    public ECKey publicJwk() {
        return jwk.toPublicJWK();
    }

    boolean signsAt(Instant now) {
        return now.isBefore(retireAt);
    }

    boolean verifiesAt(Instant now) {
        return now.isBefore(expireAt);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", retireAt=" + retireAt + ", expireAt=" + expireAt + "]";
    }
}
