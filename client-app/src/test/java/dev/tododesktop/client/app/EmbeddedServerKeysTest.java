package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.CredentialStore;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.Done;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.auth.keys.KeyFile;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's signing keys are sealed with a key in the OS keychain, so not even a
 * copy of the whole data directory signs a token; with no keychain, with a key file beside the
 * database (still not in it); and a key file left from a run without a keychain is taken over
 * by the keychain's key without anyone's token changing.
 */
class EmbeddedServerKeysTest {

    @TempDir
    Path dir;

    /** A keychain that answers: the in-memory store behind the same interface the OS keychain has. */
    final SessionOnlyStore keychain = new SessionOnlyStore("test keychain");

    @Test
    void withAKeychainTheKeyIsThereAndNotInTheDataDirectory() {
        Path serverDir = dir.resolve("server");
        var keys = EmbeddedServerKeys.forServer(serverDir, keychain);
        assertThat(keys).isPresent();
        try (var server = TodoServer.start(config(serverDir).withKeyEncryptionKeys(keys.orElseThrow()))) {
            assertThat(register(server)).isEqualTo(201);
        }
        assertThat(keychain.read(EmbeddedServerKeys.entryFor(serverDir))).isInstanceOf(KeychainResult.Ok.class);
        assertThat(Files.exists(serverDir.resolve(KeyFile.DEFAULT_NAME))).as("no key file beside the database").isFalse();
        assertThat(EmbeddedServerKeys.forServer(serverDir, keychain).orElseThrow().ids())
                .as("the same key on the next start").isEqualTo(keys.orElseThrow().ids());
    }

    @Test
    void withoutAKeychainTheServerUsesItsKeyFileAndTheKeychainTakesOverLater() throws Exception {
        Path serverDir = dir.resolve("server");
        assertThat(EmbeddedServerKeys.forServer(serverDir, new NoKeychain())).isEmpty();
        String token;
        try (var server = TodoServer.start(config(serverDir))) {
            token = login(server);
        }
        assertThat(Files.exists(serverDir.resolve(KeyFile.DEFAULT_NAME))).isTrue();

        var keys = EmbeddedServerKeys.forServer(serverDir, keychain).orElseThrow();
        assertThat(keys.ids()).as("the keychain's key first, the file's after it").hasSize(2);
        try (var server = TodoServer.start(config(serverDir).withKeyEncryptionKeys(keys))) {
            assertThat(get(server, token)).as("a token from before still works").isEqualTo(200);
        }
    }

    private static ServerConfig config(Path serverDir) {
        return ServerConfig.embedded(serverDir).withPasswordHashing(PasswordHashing.forTestsOnly());
    }

    private static final String BODY = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\"}";

    private static int register(TodoServer server) {
        return post(server, "/api/auth/register").statusCode();
    }

    private static String login(TodoServer server) throws Exception {
        register(server);
        var body = post(server, "/api/auth/login").body();
        var json = dev.tododesktop.contract.ApiJson.mapper().readTree(body);
        return json.get("access_token").asText() + " " + json.get("user").get("id").asText();
    }

    private static int get(TodoServer server, String tokenAndUser) throws Exception {
        String[] parts = tokenAndUser.split(" ");
        var request = HttpRequest.newBuilder(server.baseUri().resolve("/api/" + parts[1] + "/tasks"))
                .header("Authorization", "Bearer " + parts[0]).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpResponse<String> post(TodoServer server, String path) {
        try {
            var request = HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A keychain that never answers, as on a machine without one. */
    private static final class NoKeychain implements CredentialStore {
        @Override
        public KeychainResult<Optional<String>> read(CredentialKey key) {
            return KeychainResult.unavailable("none here");
        }

        @Override
        public KeychainResult<Done> save(CredentialKey key, String refreshToken) {
            return KeychainResult.unavailable("none here");
        }

        @Override
        public KeychainResult<Done> delete(CredentialKey key) {
            return KeychainResult.unavailable("none here");
        }

        @Override
        public KeychainStatus status() {
            return new KeychainStatus.SessionOnly("none here");
        }
    }
}
