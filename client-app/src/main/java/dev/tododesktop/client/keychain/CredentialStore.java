package dev.tododesktop.client.keychain;

import dev.tododesktop.client.Done;
import java.util.Optional;

/**
 * Keeps refresh tokens. Implementations never throw and never block longer than their own
 * timeout; they never write a token to a file or a log.
 */
public interface CredentialStore {

    KeychainResult<Optional<String>> read(CredentialKey key);

    KeychainResult<Done> save(CredentialKey key, String refreshToken);

    /** Removing an entry that does not exist is {@link Done}. */
    KeychainResult<Done> delete(CredentialKey key);

    KeychainStatus status();
}
