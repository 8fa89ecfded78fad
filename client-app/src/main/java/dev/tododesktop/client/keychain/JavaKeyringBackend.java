package dev.tododesktop.client.keychain;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The OS keychain through java-keyring. The keyring is opened on first use, on the calling
 * (time-bounded) thread, because opening it already talks to D-Bus on Linux.
 */
public final class JavaKeyringBackend implements SecretBackend {

    private Keyring keyring;

    @Override
    public String name() {
        return "OS keychain";
    }

    @Override
    public synchronized Optional<String> read(String service, String account) throws Exception {
        try {
            return Optional.of(keyring().getPassword(service, account));
        } catch (PasswordAccessException noSuchEntry) {
            // java-keyring reports a missing entry this way on every platform.
            return Optional.empty();
        }
    }

    @Override
    public synchronized void write(String service, String account, String secret) throws Exception {
        keyring().setPassword(service, account, secret);
    }

    @Override
    public synchronized void delete(String service, String account) throws Exception {
        try {
            keyring().deletePassword(service, account);
        } catch (PasswordAccessException noSuchEntry) {
            // Already gone: the goal of a delete.
        }
    }

    private Keyring keyring() throws BackendNotSupportedException {
        if (keyring == null) {
            keyring = Keyring.create();
        }
        return keyring;
    }
}
