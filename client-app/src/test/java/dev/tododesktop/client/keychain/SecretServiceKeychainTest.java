package dev.tododesktop.client.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tododesktop.client.Done;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The real OS keychain (on Linux the Secret Service of gnome-keyring). Runs whenever a session
 * bus is there, and always on CI, where {@code .ci/run} starts one with an unlocked keyring.
 */
class SecretServiceKeychainTest {

    @Test
    void stores_reads_and_deletes_a_refresh_token_in_the_real_keychain() {
        boolean onCi = "true".equals(System.getenv("CI"));
        boolean busPresent = System.getenv("DBUS_SESSION_BUS_ADDRESS") != null
                || !System.getProperty("os.name").toLowerCase().contains("linux");
        assumeTrue(onCi || busPresent, "No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset) and CI is not \"true\": "
                + "skipping the real keychain test. Run it with: dbus-run-session -- bash -c "
                + "'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ./mvnw -B -pl client-app -am test'");

        var key = new CredentialKey(URI.create("http://127.0.0.1:1"), UUID.randomUUID());
        String token = "test-refresh-" + UUID.randomUUID();
        try (var store = new OsKeychainStore(new JavaKeyringBackend(), Duration.ofSeconds(10))) {
            assertThat(store.save(key, token)).isEqualTo(KeychainResult.ok(Done.DONE));
            assertThat(store.read(key)).isEqualTo(KeychainResult.ok(Optional.of(token)));

            String rotated = token + "-rotated";
            assertThat(store.save(key, rotated)).isEqualTo(KeychainResult.ok(Done.DONE));
            assertThat(store.read(key)).isEqualTo(KeychainResult.ok(Optional.of(rotated)));

            assertThat(store.delete(key)).isEqualTo(KeychainResult.ok(Done.DONE));
            assertThat(store.read(key)).isEqualTo(KeychainResult.ok(Optional.empty()));
            assertThat(store.delete(key)).as("deleting twice is fine").isEqualTo(KeychainResult.ok(Done.DONE));
        }
    }
}
