package dev.tododesktop.client.keychain;

import dev.tododesktop.client.Done;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain with every call bounded by a timeout. Calls run one at a time on a daemon
 * thread (keychain libraries are not all thread-safe); a call that does not answer in time is
 * reported {@link KeychainResult.Unavailable}, and while it is still stuck later calls are
 * answered Unavailable at once instead of queueing behind it.
 */
public final class OsKeychainStore implements CredentialStore, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(OsKeychainStore.class);

    private final SecretBackend backend;
    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "keychain");
        thread.setDaemon(true);
        return thread;
    });
    /** True while the worker is inside the backend, even after the caller gave up on the call. */
    private final AtomicBoolean workerBusy = new AtomicBoolean();

    public OsKeychainStore(SecretBackend backend, Duration timeout) {
        this.backend = backend;
        this.timeout = timeout;
    }

    @Override
    public KeychainResult<Optional<String>> read(CredentialKey key) {
        return call("read", () -> backend.read(key.serviceName(), key.account()));
    }

    @Override
    public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
        return call("save", () -> {
            backend.write(key.serviceName(), key.account(), refreshToken);
            return Done.DONE;
        });
    }

    @Override
    public KeychainResult<Done> delete(CredentialKey key) {
        return call("delete", () -> {
            backend.delete(key.serviceName(), key.account());
            return Done.DONE;
        });
    }

    @Override
    public KeychainStatus status() {
        return new KeychainStatus.OsKeychain(backend.name());
    }

    private synchronized <T> KeychainResult<T> call(String operation, Callable<T> work) {
        // A cancelled Future counts as done while its thread may still hang in the backend.
        if (workerBusy.get()) {
            return KeychainResult.unavailable(backend.name() + " is still busy with an earlier call that timed out");
        }
        Future<T> future = worker.submit(() -> {
            workerBusy.set(true);
            try {
                return work.call();
            } finally {
                workerBusy.set(false);
            }
        });
        try {
            return KeychainResult.ok(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("Keychain {} did not answer within {} ms", operation, timeout.toMillis());
            return KeychainResult.unavailable(backend.name() + " did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            // The message only, never the secret: backends do not put secrets in exceptions.
            Throwable cause = e.getCause();
            log.warn("Keychain {} failed: {}", operation, cause.toString());
            return KeychainResult.unavailable(backend.name() + " failed: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeychainResult.unavailable("interrupted while waiting for the " + backend.name());
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
