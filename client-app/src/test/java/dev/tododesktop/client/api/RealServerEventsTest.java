package dev.tododesktop.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;
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
            BlockingQueue<SyncEventType> received = new LinkedBlockingQueue<>();
            var listener = new SyncEventListener() {
                @Override
                public void onEvent(SyncEventType type, CursorEvent event) {
                    received.add(type);
                }

                @Override
                public void onClosed(ApiResult<Done> outcome) {}
            };

            EventSubscription subscription = desktop.events().listen(listener);
            try {
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(SyncEventType.READY);
                assertThat(laptop.tasks().create(CreateTaskRequest.titled("Buy milk")).isOk()).isTrue();
                long changedAt = System.nanoTime();

                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(SyncEventType.CHANGED);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedAt)).isLessThan(2_000);
            } finally {
                subscription.close();
            }
        }
    }
}
