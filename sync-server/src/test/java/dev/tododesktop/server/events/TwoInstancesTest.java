package dev.tododesktop.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.EmbeddedPostgresHolder;
import dev.tododesktop.server.testing.Http;
import dev.tododesktop.server.testing.SseListener;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two server instances sharing one PostgreSQL database, as a scaled-out deployment runs. */
class TwoInstancesTest {

    @TempDir
    Path dir;

    TodoServer a;
    TodoServer b;

    @BeforeEach
    void start() {
        var database = EmbeddedPostgresHolder.freshDatabase();
        a = TaskServers.startOn(database, dir.resolve("a"));
        b = TaskServers.startOn(database, dir.resolve("b"));
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    @Test
    void aStreamOnBHearsAChangeMadeThroughAWithinASecond() throws Exception {
        var onA = TaskApi.register(new Http(a.baseUri()));
        var deviceOnB = new TaskApi(new Http(b.baseUri()), onA.userId(), onA.token(), onA.email()).secondDevice();
        try (var events = SseListener.open(b.baseUri(), deviceOnB.events(), deviceOnB.token())) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.next(Duration.ofSeconds(5)).name()).isEqualTo("ready");
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                String id = onA.created("made on A " + i).get("id").asText();
                var changed = events.next(Duration.ofSeconds(1));
                assertThat(changed).as("changed event on B within 1 s").isNotNull();
                assertThat(changed.name()).isEqualTo("changed");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                // B serves the change the event announced.
                var cursor = TaskApi.json(changed.data()).get("cursor").asText();
                assertThat(deviceOnB.get(id).status()).isEqualTo(200);
                assertThat(deviceOnB.pull(cursor, 10).json().get("changes").size()).isZero();
            }
        }
    }

    @Test
    void devicesPushingAtTheSameInstantThroughBothInstancesLoseNoUpdate() throws Exception {
        var viaA = TaskApi.register(new Http(a.baseUri()));
        var viaB = new TaskApi(new Http(b.baseUri()), viaA.userId(), viaA.token(), viaA.email()).secondDevice();
        String id = viaA.created("shared").get("id").asText();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 15; round++) {
                long base = viaA.get(id).json().get("version").asLong();
                var go = new CountDownLatch(1);
                int r = round;
                var fa = pool.submit(() -> {
                    go.await();
                    return viaA.push(List.of(TaskApi.mutation(UUID.randomUUID(), "update", id, base, Map.of("title", "A" + r))));
                });
                var fb = pool.submit(() -> {
                    go.await();
                    return viaB.push(List.of(TaskApi.mutation(UUID.randomUUID(), "update", id, base, Map.of("description", "B" + r))));
                });
                go.countDown();
                assertThat(fa.get().json().get("results").get(0).get("status").asText()).isEqualTo("applied");
                assertThat(fb.get().json().get("results").get(0).get("status").asText()).isEqualTo("applied");
                var task = viaB.get(id).json();
                assertThat(task.get("title").asText()).isEqualTo("A" + r);
                assertThat(task.get("description").asText()).isEqualTo("B" + r);
                assertThat(task.get("version").asLong()).isEqualTo(base + 2);
            }
        }
    }
}
