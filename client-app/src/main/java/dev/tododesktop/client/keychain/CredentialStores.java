package dev.tododesktop.client.keychain;

import java.net.URI;
import java.util.UUID;

/** Wires the store the app uses at start-up. */
public final class CredentialStores {

    private static final UUID PROBE_USER = new UUID(0, 0);

    private CredentialStores() {}

    /** The OS keychain behind a timeout, falling back to memory; already probed, so its status is known. */
    public static FallbackCredentialStore forThisMachine(URI server) {
        var store = new FallbackCredentialStore(new OsKeychainStore(new JavaKeyringBackend(), OsKeychainStore.DEFAULT_TIMEOUT));
        store.probe(new CredentialKey(server, PROBE_USER));
        return store;
    }
}
