package dev.tododesktop.client.keychain;

import dev.tododesktop.client.Done;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store the app uses: the OS keychain while it answers; from the first time it does not,
 * a {@link SessionOnlyStore} for the rest of this run, with {@link #status()} saying why. It
 * does not go back to the OS keychain, so a dead keychain costs one timeout, not one per refresh.
 */
public final class FallbackCredentialStore implements CredentialStore {

    private final CredentialStore osKeychain;
    private final AtomicReference<SessionOnlyStore> fallback = new AtomicReference<>();

    public FallbackCredentialStore(CredentialStore osKeychain) {
        this.osKeychain = osKeychain;
    }

    /**
     * Asks the OS keychain something harmless (a read of an entry nobody writes) so the app can
     * show the keychain status before anyone signs in.
     */
    public KeychainStatus probe(CredentialKey probeKey) {
        if (fallback.get() == null && osKeychain.read(probeKey) instanceof KeychainResult.Unavailable<?> u) {
            fallBack(u.reason());
        }
        return status();
    }

    @Override
    public KeychainResult<Optional<String>> read(CredentialKey key) {
        SessionOnlyStore memory = fallback.get();
        if (memory != null) {
            return memory.read(key);
        }
        KeychainResult<Optional<String>> result = osKeychain.read(key);
        if (result instanceof KeychainResult.Unavailable<Optional<String>> u) {
            return fallBack(u.reason()).read(key);
        }
        return result;
    }

    @Override
    public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
        SessionOnlyStore memory = fallback.get();
        if (memory != null) {
            return memory.save(key, refreshToken);
        }
        KeychainResult<Done> result = osKeychain.save(key, refreshToken);
        if (result instanceof KeychainResult.Unavailable<Done> u) {
            return fallBack(u.reason()).save(key, refreshToken);
        }
        return result;
    }

    @Override
    public KeychainResult<Done> delete(CredentialKey key) {
        SessionOnlyStore memory = fallback.get();
        if (memory != null) {
            memory.delete(key);
            return KeychainResult.ok(Done.DONE);
        }
        // A failed delete leaves a token in the OS keychain that this run cannot remove; say so.
        return osKeychain.delete(key);
    }

    @Override
    public KeychainStatus status() {
        SessionOnlyStore memory = fallback.get();
        return memory != null ? memory.status() : osKeychain.status();
    }

    private SessionOnlyStore fallBack(String reason) {
        fallback.compareAndSet(null, new SessionOnlyStore(
                "No keychain available (" + reason + "); you will need to sign in again after restarting."));
        return fallback.get();
    }
}
