package dev.tododesktop.client.sync;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.config.PasswordHashing;
import dev.tododesktop.server.config.RateLimitSettings;
import dev.tododesktop.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link ServerKillTest}: the embedded-mode sync server on its data
 * directory and port (0: any free one), which says where it listens and runs until SIGKILLed.
 */
public final class ServerKillChild {
    private ServerKillChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        var generous = new RateLimitSettings(1000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1),
                10_000, Duration.ofMinutes(1), 10_000, Duration.ofMinutes(1));
        TodoServer server = TodoServer.start(ServerConfig.embedded(Path.of(args[0]))
                .withPasswordHashing(PasswordHashing.forTestsOnly())
                .withRateLimits(generous)
                .withSessionCheckTtl(Duration.ZERO)
                .withPort(Integer.parseInt(args[1])));
        System.out.println("listening " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
