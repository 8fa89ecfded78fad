package dev.tododesktop.client.app;

import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.server.auth.keys.KeyEncryptionKeys;
import dev.tododesktop.server.auth.keys.KeyFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals the embedded server's signing keys, kept in the OS keychain the app
 * already uses for refresh tokens, so neither the database nor a copy of the whole data
 * directory is enough to sign a token. One entry per server data directory.
 *
 * <p>When no keychain answers (none installed, locked, {@code -Dtodo.keychain=none}), the
 * server falls back to its own key file beside the database (owner-only, like everything
 * there): still not in the database. A key file left from such a run is kept as an older key
 * once the keychain answers again, so the server seals its keys anew under the keychain's key.
 */
final class EmbeddedServerKeys {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerKeys.class);
    static final URI KEYCHAIN_SCOPE = URI.create("todo:embedded-server-signing-keys");

    private EmbeddedServerKeys() {}

    /** Empty: no keychain answered, so the server uses its key file. */
    static Optional<KeyEncryptionKeys> forServer(Path serverDataDir, CredentialStore keychain) {
        var entry = entryFor(serverDataDir);
        Optional<KeyEncryptionKeys> fromKeychain = switch (keychain.read(entry)) {
            case KeychainResult.Ok<Optional<String>>(Optional<String> stored) when stored.isPresent() -> parse(stored.get());
            case KeychainResult.Ok<Optional<String>> _ -> create(keychain, entry);
            case KeychainResult.Unavailable<Optional<String>>(String reason) -> {
                log.info("No keychain for the embedded server's signing keys ({}); they are sealed with the key file beside its database", reason);
                yield Optional.empty();
            }
        };
        return fromKeychain.map(keys -> withLeftoverFile(keys, serverDataDir.resolve(KeyFile.DEFAULT_NAME)));
    }

    static CredentialKey entryFor(Path serverDataDir) {
        String dir = serverDataDir.toAbsolutePath().normalize().toString();
        return new CredentialKey(KEYCHAIN_SCOPE, UUID.nameUUIDFromBytes(dir.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<KeyEncryptionKeys> create(CredentialStore keychain, CredentialKey entry) {
        String key = KeyEncryptionKeys.generate();
        if (keychain.save(entry, key) instanceof KeychainResult.Unavailable<?>(String reason)) {
            log.warn("Could not keep the embedded server's key in the keychain ({}); using the key file beside its database", reason);
            return Optional.empty();
        }
        return parse(key);
    }

    private static Optional<KeyEncryptionKeys> parse(String stored) {
        try {
            return Optional.of(KeyEncryptionKeys.parse(stored));
        } catch (IllegalArgumentException e) {
            log.error("The embedded server's key in the keychain is unusable ({}); using the key file beside its database", e.getMessage());
            return Optional.empty();
        }
    }

    private static KeyEncryptionKeys withLeftoverFile(KeyEncryptionKeys keychainKeys, Path file) {
        if (!Files.exists(file)) {
            return keychainKeys;
        }
        try {
            return keychainKeys.then(KeyFile.read(file));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring the unreadable key file {} ({})", file, e.getMessage());
            return keychainKeys;
        }
    }
}
