package dev.tododesktop.server.testing;

import com.nimbusds.jose.jwk.ECKey;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.auth.keys.KeyFile;
import dev.tododesktop.server.auth.keys.SealedKeys;
import java.io.IOException;

/**
 * The server's private signing key as only a holder of its key-encryption key can read it:
 * for tests that need tokens the server itself would sign (claims it must still refuse).
 */
public final class ServerKeys {

    private ServerKeys() {}

    public static ECKey privateKey(TodoServer server, String kid) throws IOException {
        var config = server.config();
        var keks = config.keyEncryptionKeys().isPresent() ? config.keyEncryptionKeys().get() : KeyFile.read(config.defaultKeyFile());
        String stored = server.database().jdbi().withHandle(h -> h
                .createQuery("SELECT private_jwk FROM signing_keys WHERE kid = :kid").bind("kid", kid)
                .mapTo(String.class).one());
        if (new SealedKeys(keks).open(kid, stored) instanceof SealedKeys.Opened.Sealed(ECKey key, var _)) {
            return key;
        }
        throw new AssertionError("signing key " + kid + " does not open with the server's key-encryption key");
    }
}
