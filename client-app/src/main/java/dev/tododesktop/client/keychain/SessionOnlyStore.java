package dev.tododesktop.client.keychain;

import dev.tododesktop.client.Done;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens in this process's memory only: used when no OS keychain answers. */
public final class SessionOnlyStore implements CredentialStore {

    private final Map<CredentialKey, String> tokens = new ConcurrentHashMap<>();
    private final String reason;

    public SessionOnlyStore(String reason) {
        this.reason = reason;
    }

    @Override
    public KeychainResult<Optional<String>> read(CredentialKey key) {
        return KeychainResult.ok(Optional.ofNullable(tokens.get(key)));
    }

    @Override
    public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
        tokens.put(key, refreshToken);
        return KeychainResult.ok(Done.DONE);
    }

    @Override
    public KeychainResult<Done> delete(CredentialKey key) {
        tokens.remove(key);
        return KeychainResult.ok(Done.DONE);
    }

    @Override
    public KeychainStatus status() {
        return new KeychainStatus.SessionOnly(reason);
    }
}
