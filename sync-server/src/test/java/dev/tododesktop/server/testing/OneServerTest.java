package dev.tododesktop.server.testing;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A test class run once per database ({@code @ParameterizedClass @EnumSource(Backend.class)} on
 * the subclass), with one real server on loopback per test and an HTTP client for it.
 */
public abstract class OneServerTest {

    @Parameter
    protected Backend backend;

    @TempDir
    protected Path dir;

    protected TodoServer server;
    protected Http http;

    /** The server each test gets; by default with cheap password hashing, as tests do not measure it. */
    protected TodoServer startServer() {
        return TestServer.start(backend, dir, c -> c.withPasswordHashing(PasswordHashing.forTestsOnly()), Clock.systemUTC());
    }

    @BeforeEach
    void startOneServer() {
        server = startServer();
        http = new Http(server.baseUri());
    }

    @AfterEach
    void stopOneServer() {
        server.close();
    }
}
