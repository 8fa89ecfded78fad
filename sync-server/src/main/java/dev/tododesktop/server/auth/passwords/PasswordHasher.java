package dev.tododesktop.server.auth.passwords;

import dev.tododesktop.contract.auth.AuthValidator;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id hashing and verification of NFKC-normalised passwords, stored as PHC strings.
 *
 * <p>Each hash takes {@code m} KiB of memory and tens of milliseconds of CPU, so hashes run on
 * a small pool of platform threads (one per core: more would not go faster) instead of on the
 * request's virtual thread, whose carrier a native call would pin. At most {@code cores * 2}
 * hashes are admitted (running or queued); a flood beyond that waits a little and then gets 503,
 * so memory stays bounded at {@code cores * m}.
 */
public final class PasswordHasher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final long ADMISSION_WAIT_SECONDS = 10;

    private final PasswordHashing params;
    private final Argon2Engine engine;
    private final ExecutorService pool;
    private final Semaphore admission;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public PasswordHasher(PasswordHashing params) {
        this.params = params;
        this.engine = NativeArgon2.load().orElseGet(BouncyCastleArgon2::new);
        int cores = Runtime.getRuntime().availableProcessors();
        var counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(cores, r -> Thread.ofPlatform()
                .name("argon2-" + counter.incrementAndGet()).daemon(true).unstarted(r));
        this.admission = new Semaphore(cores * 2, true);
        if (!params.meetsOwaspMinimum()) {
            log.warn("Password hashing below OWASP's minimum ({}); acceptable for tests only", params);
        }
        log.info("Password hashing: {} with {}", params, engine.name());
        // A real hash of a random password: unknown emails are checked against it, so a login
        // takes the same time whether or not the account exists.
        byte[] randomPassword = new byte[24];
        random.nextBytes(randomPassword);
        this.dummyHash = compute(randomPassword, params);
    }

    /** A PHC string for this password with the configured cost. */
    public String hash(String password) {
        byte[] bytes = bytes(password);
        return run(() -> compute(bytes, params));
    }

    /** Whether the password matches the stored hash; a malformed stored hash never matches. */
    public boolean verify(String password, String storedHash) {
        byte[] bytes = bytes(password);
        return run(() -> PhcHash.parse(storedHash)
                .map(stored -> {
                    byte[] actual = engine.hash(stored.memoryKib(), stored.iterations(), stored.parallelism(),
                            bytes, stored.salt(), stored.hash().length);
                    return MessageDigest.isEqual(actual, stored.hash());
                })
                .orElse(false));
    }

    /** Spends the time of a verification, for logins on emails that have no account. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /** True when a stored hash was made with other parameters than today's and should be redone. */
    public boolean needsRehash(String storedHash) {
        return PhcHash.parse(storedHash)
                .map(h -> h.memoryKib() != params.memoryKib() || h.iterations() != params.iterations()
                        || h.parallelism() != params.parallelism() || h.hash().length != HASH_BYTES)
                .orElse(true);
    }

    public PasswordHashing parameters() {
        return params;
    }

    public String engineName() {
        return engine.name();
    }

    private String compute(byte[] password, PasswordHashing p) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = engine.hash(p.memoryKib(), p.iterations(), p.parallelism(), password, salt, HASH_BYTES);
        return new PhcHash(p.memoryKib(), p.iterations(), p.parallelism(), salt, hash).format();
    }

    private static byte[] bytes(String password) {
        return AuthValidator.normalizePassword(password).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T run(java.util.concurrent.Callable<T> work) {
        boolean admitted;
        try {
            admitted = admission.tryAcquire(ADMISSION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.serviceUnavailable("The server is shutting down.");
        }
        if (!admitted) {
            throw ApiException.serviceUnavailable("The server is busy checking passwords; try again shortly.");
        }
        try {
            Future<T> result = pool.submit(work);
            return result.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.serviceUnavailable("The server is shutting down.");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("password hashing failed", e);
        } finally {
            admission.release();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
