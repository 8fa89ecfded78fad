package dev.tododesktop.server.auth.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.tododesktop.server.auth.keys.SealedKeys;
import dev.tododesktop.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 signing keys, kept in the database so every instance sharing it signs and verifies
 * with the same keys and they survive restarts. The private half is stored sealed with a
 * key-encryption key that is not in the database ({@link SealedKeys}), so a copy of the
 * database, a backup or a read-only database account cannot sign a token.
 *
 * <p>At start-up, keys an older version stored in clear are sealed and retired at once: they
 * verify the tokens they signed until those expire, and a new key signs from now on, so the
 * clear copies in old backups soon sign nothing the server accepts. Keys sealed with an older
 * key-encryption key are sealed again with the current one.
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
    /** The JWKS re-reads the table this often, so it lists keys other instances added. */
    private static final Duration JWKS_REFRESH = Duration.ofMinutes(1);

    private final Database database;
    private final Jdbi jdbi;
    private final SealedKeys seal;
    private final Clock clock;
    private final Duration rotation;
    private final Duration verifyAfterRetire;
    private volatile Map<String, SigningKey> keys = Map.of();
    private volatile Instant lastLoad = Instant.EPOCH;
    /** Rows already reported unreadable, so a reload every second does not repeat the error. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param verifyAfterRetire how long a retired key still verifies: the longest token
     *                          lifetime plus the clock leeway
     */
    public SigningKeyStore(Database database, SealedKeys seal, Clock clock, Duration rotation, Duration verifyAfterRetire) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.seal = seal;
        this.clock = clock;
        this.rotation = rotation;
        this.verifyAfterRetire = verifyAfterRetire;
        sealStoredKeys();
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
        if (now.isAfter(lastLoad.plus(JWKS_REFRESH))) {
            reload();
        }
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
                .bind("priv", seal.seal(jwk))
                .bind("created", now.toEpochMilli())
                .bind("retire", retireAt.toEpochMilli())
                .bind("expire", expireAt.toEpochMilli())
                .execute());
        log.info("Added signing key {} (signs until {}, verifies until {})", jwk.getKeyID(), retireAt, expireAt);
        reload();
        return currentSigner().orElseThrow(() -> new IllegalStateException("the new signing key is not usable"));
    }

    private record StoredKey(String kid, String privateJwk, Instant created, Instant retire, Instant expire) {}

    private List<StoredKey> stored(long now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT kid, private_jwk, created_at, retire_at, expire_at FROM signing_keys
                        WHERE algorithm = :alg AND expire_at > :now""")
                .bind("alg", ALGORITHM.getName())
                .bind("now", now)
                .map((rs, ctx) -> new StoredKey(rs.getString("kid"), rs.getString("private_jwk"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("retire_at")),
                        Instant.ofEpochMilli(rs.getLong("expire_at"))))
                .list());
    }

    private synchronized void reload() {
        long now = clock.millis();
        keys = stored(now).stream().flatMap(row -> usable(row).stream())
                .collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity()));
        lastLoad = Instant.ofEpochMilli(now);
    }

    private Optional<SigningKey> usable(StoredKey row) {
        return switch (seal.open(row.kid(), row.privateJwk())) {
            case SealedKeys.Opened.Sealed(ECKey key, var _) -> key(row, key);
            case SealedKeys.Opened.InClear(ECKey key) -> key(row, key); // another instance seals it on its start
            case SealedKeys.Opened.OtherKek(String kekId) -> {
                if (reported.add(row.kid())) {
                    log.error("Signing key {} is sealed with key-encryption key {}, which this server was not given "
                            + "(it has {}); ignoring it. Every instance sharing a database needs the same keys.",
                            row.kid(), kekId, seal.kekIds());
                }
                yield Optional.empty();
            }
            case SealedKeys.Opened.Unreadable(String reason) -> {
                if (reported.add(row.kid())) {
                    log.error("Signing key {} in the database cannot be read ({}); ignoring it", row.kid(), reason);
                }
                yield Optional.empty();
            }
        };
    }

    private Optional<SigningKey> key(StoredKey row, ECKey key) {
        try {
            return Optional.of(SigningKey.of(key, row.created(), row.retire(), row.expire()));
        } catch (IllegalStateException e) {
            if (reported.add(row.kid())) {
                log.error("Signing key {} in the database is not a usable ES256 key; ignoring it", row.kid());
            }
            return Optional.empty();
        }
    }

    /**
     * Seals keys an older version stored in clear (and retires them), and seals again those
     * sealed with a previous key-encryption key. Each update names the old value, so two
     * instances starting at once never overwrite each other's work.
     */
    private void sealStoredKeys() {
        Instant now = clock.instant();
        int inClear = 0;
        int resealed = 0;
        for (var row : stored(now.toEpochMilli())) {
            switch (seal.open(row.kid(), row.privateJwk())) {
                case SealedKeys.Opened.InClear(ECKey key) -> {
                    Instant retire = min(row.retire(), now);
                    Instant expire = min(row.expire(), now.plus(verifyAfterRetire));
                    inClear += replace(row, seal.seal(key), retire, expire);
                }
                case SealedKeys.Opened.Sealed(ECKey key, boolean resealable) when resealable ->
                        resealed += replace(row, seal.seal(key), row.retire(), row.expire());
                default -> { }
            }
        }
        if (inClear > 0) {
            // The clear text is gone from the table; make sure no copy lingers in the database's files.
            database.dropOverwrittenData();
            log.warn("Sealed {} signing key(s) that an older version stored in clear, and retired them: they verify "
                    + "the tokens they signed until {} and sign nothing more. Backups made before now hold them in clear.",
                    inClear, now.plus(verifyAfterRetire));
        }
        if (resealed > 0) {
            log.info("Sealed {} signing key(s) again with the current key-encryption key {}", resealed, seal.kekIds().getFirst());
        }
    }

    private int replace(StoredKey row, String sealed, Instant retire, Instant expire) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE signing_keys SET private_jwk = :sealed, retire_at = :retire, expire_at = :expire
                        WHERE kid = :kid AND private_jwk = :old""")
                .bind("sealed", sealed)
                .bind("retire", retire.toEpochMilli())
                .bind("expire", expire.toEpochMilli())
                .bind("kid", row.kid())
                .bind("old", row.privateJwk())
                .execute());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
