package dev.tododesktop.client.keychain;

import java.net.URI;
import java.util.UUID;

/** Wires the store the app uses at start-up. */
public final class CredentialStores {

    private static final UUID PROBE_USER = new UUID(0, 0);

    private CredentialStores() {}

    /** Set to {@value #NONE} to keep logins in memory only and never touch the OS keychain. */
    public static final String KEYCHAIN_PROPERTY = "todo.keychain";
    public static final String NONE = "none";

    /**
     * The OS keychain behind a timeout, falling back to memory; already probed, so its status is
     * known. With {@code -Dtodo.keychain=none} (the build's start-up training run, benchmarks)
     * the OS keychain is never asked, so such runs leave nothing in the user's keychain.
     */
    public static FallbackCredentialStore forThisMachine(URI server) {
        return forThisMachine(server, osKeychain());
    }

    /** The same, on an OS keychain connection the caller already has. */
    public static FallbackCredentialStore forThisMachine(URI server, CredentialStore os) {
        var store = new FallbackCredentialStore(os);
        store.probe(new CredentialKey(server, PROBE_USER));
        return store;
    }

    /**
     * The OS keychain alone, every call bounded by a timeout and answered {@link KeychainResult.Unavailable}
     * when it does not answer; with {@code -Dtodo.keychain=none} always unavailable.
     */
    public static CredentialStore osKeychain() {
        return NONE.equals(System.getProperty(KEYCHAIN_PROPERTY))
                ? new Refusing(KEYCHAIN_PROPERTY + "=" + NONE)
                : new OsKeychainStore(new JavaKeyringBackend(), OsKeychainStore.DEFAULT_TIMEOUT);
    }

    /** A keychain that is switched off. */
    private record Refusing(String reason) implements CredentialStore {
        @Override
        public KeychainResult<java.util.Optional<String>> read(CredentialKey key) {
            return KeychainResult.unavailable(reason);
        }

        @Override
        public KeychainResult<dev.tododesktop.client.Done> save(CredentialKey key, String refreshToken) {
            return KeychainResult.unavailable(reason);
        }

        @Override
        public KeychainResult<dev.tododesktop.client.Done> delete(CredentialKey key) {
            return KeychainResult.unavailable(reason);
        }

        @Override
        public KeychainStatus status() {
            return new KeychainStatus.SessionOnly(reason);
        }
    }
}
