package dev.tododesktop.server.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 signing keys, kept in the database so every instance sharing it signs and verifies
 * with the same keys and they survive restarts.
 *
 * <p>A key signs for {@code rotation}; then a new key is added and the old one keeps verifying
 * (and stays in the JWKS) until every token it signed has expired. Two instances starting at
 * once on an empty database may each add a key: both are valid, and both instances sign with
 * the newest one once they have read it. A token with a key id this instance has not seen
 * makes it read the keys again, at most once a second.
 */
public final class SigningKeyStore {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration rotation;
    private final Duration verifyAfterRetire;
    private volatile Map<String, SigningKey> keys = Map.of();
    private volatile Instant lastLoad = Instant.EPOCH;

    /**
     * @param verifyAfterRetire how long a retired key still verifies: the longest token
     *                          lifetime plus the clock leeway
     */
    public SigningKeyStore(Jdbi jdbi, Clock clock, Duration rotation, Duration verifyAfterRetire) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.rotation = rotation;
        this.verifyAfterRetire = verifyAfterRetire;
        reload();
        if (currentSigner().isEmpty()) {
            rotate();
        }
    }

    /** The key to sign with now, adding a new one when the current one has retired. */
    public SigningKey signingKey() {
        return currentSigner().orElseGet(this::rotate);
    }

    /** The key with this id if it may verify now; an unknown id re-reads the database (rate-limited). */
    public Optional<SigningKey> verificationKey(String kid) {
        Instant now = clock.instant();
        var key = keys.get(kid);
        if (key == null && now.isAfter(lastLoad.plus(RELOAD_INTERVAL))) {
            reload();
            key = keys.get(kid);
        }
        return Optional.ofNullable(key).filter(k -> k.verifiesAt(now));
    }

    /** The public keys a client may see: every key that still verifies. */
    public List<ECKey> publicKeys() {
        Instant now = clock.instant();
        return keys.values().stream()
                .filter(k -> k.verifiesAt(now))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
                .map(SigningKey::publicJwk)
                .toList();
    }

    private Optional<SigningKey> currentSigner() {
        Instant now = clock.instant();
        return keys.values().stream()
                .filter(k -> k.signsAt(now))
                .max(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid));
    }

    private synchronized SigningKey rotate() {
        reload();
        var fresh = currentSigner();
        if (fresh.isPresent()) {
            return fresh.get(); // another thread or instance added one meanwhile
        }
        Instant now = clock.instant();
        Instant retireAt = now.plus(rotation);
        Instant expireAt = retireAt.plus(verifyAfterRetire);
        ECKey jwk;
        try {
            jwk = new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(ALGORITHM)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk, created_at, retire_at, expire_at)
                        VALUES (:kid, :alg, :pub, :priv, :created, :retire, :expire)""")
                .bind("kid", jwk.getKeyID())
                .bind("alg", ALGORITHM.getName())
                .bind("pub", jwk.toPublicJWK().toJSONString())
                .bind("priv", jwk.toJSONString())
                .bind("created", now.toEpochMilli())
                .bind("retire", retireAt.toEpochMilli())
                .bind("expire", expireAt.toEpochMilli())
                .execute());
        log.info("Added signing key {} (signs until {}, verifies until {})", jwk.getKeyID(), retireAt, expireAt);
        reload();
        return currentSigner().orElseThrow(() -> new IllegalStateException("the new signing key is not usable"));
    }

    private synchronized void reload() {
        long now = clock.millis();
        var loaded = jdbi.withHandle(h -> h.createQuery("""
                        SELECT kid, private_jwk, created_at, retire_at, expire_at FROM signing_keys
                        WHERE algorithm = :alg AND expire_at > :now""")
                .bind("alg", ALGORITHM.getName())
                .bind("now", now)
                .map((rs, ctx) -> parse(rs.getString("kid"), rs.getString("private_jwk"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("retire_at")),
                        Instant.ofEpochMilli(rs.getLong("expire_at"))))
                .list());
        keys = loaded.stream().flatMap(Optional::stream).collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        lastLoad = Instant.ofEpochMilli(now);
    }

    private static Optional<SigningKey> parse(String kid, String privateJwk, Instant created, Instant retire, Instant expire) {
        try {
            return Optional.of(SigningKey.of(ECKey.parse(privateJwk), created, retire, expire));
        } catch (ParseException | IllegalStateException e) {
            // Say which key, never its content.
            log.error("Signing key {} in the database cannot be read; ignoring it", kid);
            return Optional.empty();
        }
    }
}
