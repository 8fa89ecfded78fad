package dev.tododesktop.client.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real java-keyring with its session bus pointing at a socket nobody listens on, in a child
 * JVM (the bus address is read from the environment): the app must start with a session-only
 * store and say why, within the keychain timeout, instead of hanging.
 */
class DeadBusKeychainTest {

    @Test
    void with_no_keyring_reachable_the_store_answers_session_only_within_the_timeout(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "D-Bus is the Linux keychain transport");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, KeychainProbe.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus-here"));
        builder.environment().remove("DISPLAY");

        Process probe = builder.start();
        boolean finished = probe.waitFor(30, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly();
        }
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        System.out.println("Keychain probe with a dead bus: " + output.strip().replace('\n', ' '));
        assertThat(finished).as("probe finished; output:%n%s", output).isTrue();
        assertThat(output).contains("status=SessionOnly[reason=No keychain available");
        long millis = Long.parseLong(output.replaceAll("(?s).*millis=(\\d+).*", "$1"));
        // The timeout plus a margin for loading D-Bus classes on a busy CI machine; the precise
        // timing of the wrapper is OsKeychainStoreTest's job.
        assertThat(millis).isLessThan(OsKeychainStore.DEFAULT_TIMEOUT.toMillis() + 5_000);
    }
}
