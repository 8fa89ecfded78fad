package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.account.AuthOutcome;
import dev.tododesktop.client.keychain.CredentialStores;
import dev.tododesktop.store.dirs.AppDirectories;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server call that hangs never holds up a local edit (issue 13: one thread did both). */
class AppRuntimeThreadsTest {

    @Test
    void a_local_edit_completes_while_a_sign_in_waits_for_a_server_that_does_not_answer(@TempDir Path dir)
            throws Exception {
        String keychain = System.setProperty(CredentialStores.KEYCHAIN_PROPERTY, CredentialStores.NONE);
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Accepts connections and never answers: a server stuck, or a network that drops replies.
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            var dirs = new AppDirectories(dir.resolve("data"), dir.resolve("config"));
            new SettingsFile(dirs.configDir()).save(AppSettings.defaults().withServer(
                    new ServerChoice.Remote(URI.create("http://127.0.0.1:" + silent.getLocalPort()))));
            try (var runtime = AppRuntime.start(dirs, Clock.systemUTC())) {
                CompletableFuture<AuthOutcome> signIn = runtime.accounts()
                        .signIn("ada@example.com", "correct horse battery").toCompletableFuture();
                waitUntil(() -> !held.isEmpty()); // the sign-in's request reached the silent server

                Task task = CompletableFuture.supplyAsync(() -> runtime.openStore(UUID.randomUUID()).edits()
                        .create(TaskEdit.none().title("Typed while the server hangs")), runtime.io())
                        .get(5, TimeUnit.SECONDS);

                assertThat(task.title()).isEqualTo("Typed while the server hangs");
                assertThat(signIn).as("the sign-in is still waiting for its answer").isNotDone();
            } finally {
                held.forEach(AppRuntimeThreadsTest::closeQuietly);
            }
        } finally {
            if (keychain == null) {
                System.clearProperty(CredentialStores.KEYCHAIN_PROPERTY);
            } else {
                System.setProperty(CredentialStores.KEYCHAIN_PROPERTY, keychain);
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sign-in never reached the server");
            }
            Thread.sleep(10);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (java.io.IOException ignored) {
            // already closed
        }
    }
}
