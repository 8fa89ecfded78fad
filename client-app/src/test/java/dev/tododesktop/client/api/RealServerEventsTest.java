package dev.tododesktop.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream of the real server tells another device about a change within a second. */
class RealServerEventsTest {

    @Test
    void a_change_made_on_one_device_is_announced_to_the_other(@TempDir Path dataDir) throws Exception {
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        try (var server = new RealServer(dataDir);
             var laptop = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("test")).build();
             var desktop = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("test")).build()) {
            assertThat(laptop.register(new RegisterRequest(email, "correct horse battery", null, null)).isOk()).isTrue();
            assertThat(desktop.login(new dev.tododesktop.contract.auth.LoginRequest(email, "correct horse battery", null)).isOk())
                    .isTrue();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            EventStream stream = desktop.sync().events().orElseThrow();
            Thread.ofVirtual().start(() -> stream.read((type, data) -> received.add(type)));
            try {
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("ready");
                assertThat(TaskApi.of(laptop).create(CreateTaskRequest.titled("Buy milk")).isOk()).isTrue();
                long changedAt = System.nanoTime();

                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("changed");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedAt)).isLessThan(2_000);
            } finally {
                stream.cancel();
            }
        }
    }
}
