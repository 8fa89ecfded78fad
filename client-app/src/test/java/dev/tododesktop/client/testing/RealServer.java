package dev.tododesktop.client.testing;

import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The real sync server, in process on loopback with SQLite in a temp dir and a clock the test moves. */
public final class RealServer implements AutoCloseable {

    /** The server's default access-token lifetime plus its 60 s leeway and a margin. */
    public static final Duration PAST_ACCESS_EXPIRY = Duration.ofMinutes(15).plusSeconds(90);

    public final MutableClock clock = new MutableClock();
    public final TodoServer server;

    public RealServer(Path dataDir) {
        var config = ServerConfig.embedded(dataDir).withPasswordHashing(PasswordHashing.forTestsOnly());
        this.server = TodoServer.builder(config).clock(clock).start();
    }

    public java.net.URI baseUri() {
        return server.baseUri();
    }

    @Override
    public void close() {
        server.close();
    }
}
