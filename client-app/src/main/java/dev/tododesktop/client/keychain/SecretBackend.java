package dev.tododesktop.client.keychain;

import java.util.Optional;

/**
 * Raw access to an OS secret store. Calls may throw anything or block forever (a Secret Service
 * call with no keyring daemon can), which is why only {@link OsKeychainStore} calls them.
 */
public interface SecretBackend {

    /** A short name for messages, e.g. "Secret Service". */
    String name();

    Optional<String> read(String service, String account) throws Exception;

    void write(String service, String account, String secret) throws Exception;

    /** Deleting a missing entry is not an error. */
    void delete(String service, String account) throws Exception;
}
