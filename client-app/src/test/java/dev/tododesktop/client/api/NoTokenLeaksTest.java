package dev.tododesktop.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tododesktop.client.Done;
import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.contract.auth.RegisterRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** After a whole login/refresh/logout cycle, no token is in any file of the data dir or in any log line. */
class NoTokenLeaksTest {

    /** Remembers every refresh token it was given, so the test knows what to look for. */
    private static final class RecordingStore implements CredentialStore {
        final SessionOnlyStore delegate = new SessionOnlyStore("test");
        final Set<String> seen = new LinkedHashSet<>();

        @Override
        public KeychainResult<Optional<String>> read(CredentialKey key) {
            return delegate.read(key);
        }

        @Override
        public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
            seen.add(refreshToken);
            return delegate.save(key, refreshToken);
        }

        @Override
        public KeychainResult<Done> delete(CredentialKey key) {
            return delegate.delete(key);
        }

        @Override
        public KeychainStatus status() {
            return delegate.status();
        }
    }

    @Test
    void no_token_is_written_to_a_file_or_a_log(@TempDir Path dataDir) throws IOException {
        // Our code at its most verbose; libraries at the levels the app and server ship with
        // (Jetty's own DEBUG/TRACE prints request headers, which is why the server pins it at WARN).
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("dev.tododesktop");
        Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
        Level previousRoot = root.getLevel();
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.TRACE);
        jetty.setLevel(Level.WARN);

        var store = new RecordingStore();
        Set<String> accessTokens = new LinkedHashSet<>();
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        try (var server = new RealServer(dataDir);
             var client = TodoApiClient.builder(server.baseUri(), store).build()) {
            assertThat(client.register(new RegisterRequest(email, "correct horse battery", "Ada", null)).isOk()).isTrue();
            client.sessionKeeper().accessToken().ifPresent(accessTokens::add);
            assertThat(client.me().isOk()).isTrue();

            server.clock.advance(RealServer.PAST_ACCESS_EXPIRY);
            assertThat(client.me().isOk()).isTrue(); // silent refresh
            client.sessionKeeper().accessToken().ifPresent(accessTokens::add);
            server.clock.advance(RealServer.PAST_ACCESS_EXPIRY);
            assertThat(client.sessions().isOk()).isTrue(); // and another
            client.sessionKeeper().accessToken().ifPresent(accessTokens::add);

            assertThat(client.logout().isOk()).isTrue();
        } finally {
            root.detachAppender(logs);
            root.setLevel(previousRoot);
            ours.setLevel(null);
            jetty.setLevel(null);
        }

        assertThat(store.seen).hasSize(3);
        assertThat(accessTokens).hasSize(3);
        List<String> tokens = Stream.concat(store.seen.stream(), accessTokens.stream()).toList();

        List<Path> files;
        try (var walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the server's database is there to be scanned").isNotEmpty();
        boolean emailFound = false;
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            emailFound |= content.contains(email);
            for (String token : tokens) {
                assertThat(content).as("%s contains a token", file).doesNotContain(token);
            }
        }
        assertThat(emailFound).as("the scan reads the database (the email is stored in it)").isTrue();

        assertThat(logs.list).as("log lines were captured").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String token : tokens) {
                assertThat(line).as("a log line contains a token").doesNotContain(token);
            }
        }
    }
}
