package dev.tododesktop.client.keychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackCredentialStoreTest {

    private static final CredentialKey KEY = new CredentialKey(URI.create("http://127.0.0.1:8080/"), UUID.randomUUID());

    /** An OS keychain that never answers, counting how often it was asked. */
    private static final class DeadKeychain implements CredentialStore {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public KeychainResult<Optional<String>> read(CredentialKey key) {
            calls.incrementAndGet();
            return KeychainResult.unavailable("no Secret Service on the session bus");
        }

        @Override
        public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
            calls.incrementAndGet();
            return KeychainResult.unavailable("no Secret Service on the session bus");
        }

        @Override
        public KeychainResult<Done> delete(CredentialKey key) {
            calls.incrementAndGet();
            return KeychainResult.unavailable("no Secret Service on the session bus");
        }

        @Override
        public KeychainStatus status() {
            return new KeychainStatus.OsKeychain("dead");
        }
    }

    @Test
    void without_a_keychain_the_login_is_kept_for_this_run_only_and_the_status_says_why() {
        var dead = new DeadKeychain();
        var store = new FallbackCredentialStore(dead);

        var status = store.probe(KEY);

        assertThat(status).isInstanceOf(KeychainStatus.SessionOnly.class);
        assertThat(((KeychainStatus.SessionOnly) status).reason())
                .contains("no Secret Service on the session bus")
                .contains("sign in again after restarting");
        assertThat(store.save(KEY, "refresh")).isEqualTo(KeychainResult.ok(Done.DONE));
        assertThat(store.read(KEY)).isEqualTo(KeychainResult.ok(Optional.of("refresh")));
        assertThat(store.delete(KEY)).isEqualTo(KeychainResult.ok(Done.DONE));
        assertThat(store.read(KEY)).isEqualTo(KeychainResult.ok(Optional.empty()));
        assertThat(dead.calls).as("a dead keychain is asked once, not on every refresh").hasValue(1);
    }

    @Test
    void a_keychain_that_fails_on_save_falls_back_without_losing_the_token() {
        var store = new FallbackCredentialStore(new DeadKeychain());

        assertThat(store.status()).isEqualTo(new KeychainStatus.OsKeychain("dead"));
        assertThat(store.save(KEY, "refresh")).isEqualTo(KeychainResult.ok(Done.DONE));

        assertThat(store.status()).isInstanceOf(KeychainStatus.SessionOnly.class);
        assertThat(store.read(KEY)).isEqualTo(KeychainResult.ok(Optional.of("refresh")));
    }

    @Test
    void a_working_keychain_is_used_and_reported() {
        var os = new SessionOnlyStore("stand-in for the OS keychain");
        var store = new FallbackCredentialStore(os);

        store.save(KEY, "refresh");

        assertThat(os.read(KEY)).isEqualTo(KeychainResult.ok(Optional.of("refresh")));
        assertThat(store.status()).isEqualTo(os.status());
    }

    @Test
    void the_service_name_names_the_app_and_the_server() {
        assertThat(KEY.serviceName()).isEqualTo("Todo Desktop (http://127.0.0.1:8080)");
        assertThat(KEY.account()).isEqualTo(KEY.userId().toString());
    }
}
