package dev.tododesktop.client.keychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The timeout wrapper, with fake backends standing in for a keychain that hangs or fails. */
class OsKeychainStoreTest {

    private static final CredentialKey KEY = new CredentialKey(URI.create("http://127.0.0.1:8080"), UUID.randomUUID());
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** Blocks every call until released, like a Secret Service call with no daemon behind the bus. */
    private static final class HangingBackend implements SecretBackend {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "hanging keychain";
        }

        @Override
        public Optional<String> read(String service, String account) throws InterruptedException {
            release.await();
            return Optional.empty();
        }

        @Override
        public void write(String service, String account, String secret) throws InterruptedException {
            release.await();
        }

        @Override
        public void delete(String service, String account) throws InterruptedException {
            release.await();
        }
    }

    private static class MapBackend implements SecretBackend {
        final Map<String, String> entries = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "map";
        }

        @Override
        public Optional<String> read(String service, String account) {
            return Optional.ofNullable(entries.get(service + "|" + account));
        }

        @Override
        public void write(String service, String account, String secret) {
            entries.put(service + "|" + account, secret);
        }

        @Override
        public void delete(String service, String account) {
            entries.remove(service + "|" + account);
        }
    }

    @Test
    void a_keychain_that_hangs_is_reported_unavailable_within_the_timeout() {
        var backend = new HangingBackend();
        try (var store = new OsKeychainStore(backend, TIMEOUT)) {
            long started = System.nanoTime();

            var result = store.save(KEY, "secret");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).isInstanceOf(KeychainResult.Unavailable.class);
            assertThat(((KeychainResult.Unavailable<?>) result).reason()).contains("did not answer within 300 ms");
            assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(1));
        }
    }

    @Test
    void while_a_call_is_stuck_later_calls_are_answered_at_once() {
        var backend = new StuckUntilInterruptIgnored();
        try (var store = new OsKeychainStore(backend, TIMEOUT)) {
            assertThat(store.read(KEY)).isInstanceOf(KeychainResult.Unavailable.class);
            long started = System.nanoTime();

            var second = store.read(KEY);

            assertThat(second).isInstanceOf(KeychainResult.Unavailable.class);
            assertThat(((KeychainResult.Unavailable<?>) second).reason()).contains("still busy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without waiting for the stuck call").isLessThan(Duration.ofSeconds(1));
            backend.release.countDown();
        }
    }

    /** Ignores interruption, as native or D-Bus calls do, so cancelling the task does not free the thread. */
    private static final class StuckUntilInterruptIgnored implements SecretBackend {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "stuck keychain";
        }

        @Override
        public Optional<String> read(String service, String account) {
            while (true) {
                try {
                    if (release.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        return Optional.empty();
                    }
                } catch (InterruptedException ignored) {
                    // keep hanging
                }
            }
        }

        @Override
        public void write(String service, String account, String secret) {}

        @Override
        public void delete(String service, String account) {}
    }

    @Test
    void a_failing_keychain_is_unavailable_with_its_reason_and_no_exception_escapes() {
        SecretBackend failing = new MapBackend() {
            @Override
            public void write(String service, String account, String secret) {
                throw new IllegalStateException("org.freedesktop.DBus.Error.ServiceUnknown");
            }
        };
        try (var store = new OsKeychainStore(failing, TIMEOUT)) {
            var result = store.save(KEY, "secret");

            assertThat(result).isEqualTo(KeychainResult.unavailable("map failed: org.freedesktop.DBus.Error.ServiceUnknown"));
        }
    }

    @Test
    void a_working_keychain_stores_reads_and_deletes_under_the_service_name_per_server_and_user() {
        var backend = new MapBackend();
        try (var store = new OsKeychainStore(backend, TIMEOUT)) {
            assertThat(store.save(KEY, "secret")).isEqualTo(KeychainResult.ok(Done.DONE));
            assertThat(backend.entries).containsOnlyKeys("Todo Desktop (http://127.0.0.1:8080)|" + KEY.userId());
            assertThat(store.read(KEY)).isEqualTo(KeychainResult.ok(Optional.of("secret")));
            assertThat(store.delete(KEY)).isEqualTo(KeychainResult.ok(Done.DONE));
            assertThat(store.read(KEY)).isEqualTo(KeychainResult.ok(Optional.empty()));
            assertThat(store.status()).isEqualTo(new KeychainStatus.OsKeychain("map"));
        }
    }
}
