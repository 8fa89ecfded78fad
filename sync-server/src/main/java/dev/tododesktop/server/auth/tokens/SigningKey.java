package dev.tododesktop.server.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/**
 * One ES256 key pair from the database. A class rather than a record so that the private half
 * has no accessor: it is reachable only as a {@link JWSSigner}, and {@link #toString()} names
 * only the key id, so it can never reach a log or a response.
 */
public final class SigningKey {

    private final String kid;
    private final ECKey publicJwk;
    private final Instant createdAt;
    private final Instant retireAt;
    private final Instant expireAt;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private SigningKey(ECKey privateJwk, Instant createdAt, Instant retireAt, Instant expireAt) throws JOSEException {
        this.kid = privateJwk.getKeyID();
        this.publicJwk = privateJwk.toPublicJWK();
        this.createdAt = createdAt;
        this.retireAt = retireAt;
        this.expireAt = expireAt;
        this.signer = new ECDSASigner(privateJwk);
        this.verifier = new ECDSAVerifier(publicJwk.toECPublicKey());
    }

    /**
     * @param retireAt after this, the key no longer signs
     * @param expireAt after this, the key no longer verifies and leaves the JWKS
     */
    static SigningKey of(ECKey privateJwk, Instant createdAt, Instant retireAt, Instant expireAt) {
        try {
            return new SigningKey(privateJwk, createdAt, retireAt, expireAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + privateJwk.getKeyID(), e);
        }
    }

    public String kid() {
        return kid;
    }

    /** The public half, as listed in the JWKS. */
    public ECKey publicJwk() {
        return publicJwk;
    }

    public Instant createdAt() {
        return createdAt;
    }

    JWSSigner signer() {
        return signer;
    }

    JWSVerifier verifier() {
        return verifier;
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
