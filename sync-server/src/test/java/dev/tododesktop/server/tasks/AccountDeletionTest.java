package dev.tododesktop.server.tasks;

import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.OneServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Accounts;
import dev.tododesktop.server.testing.SseListener;
import dev.tododesktop.server.testing.TaskApi;
import dev.tododesktop.server.testing.TaskServers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Deleting an account takes its tasks, tombstones and sync state with it, and ends its streams. */
@ParameterizedClass
@EnumSource(Backend.class)
class AccountDeletionTest extends OneServerTest {

    @Override
    protected TodoServer startServer() {
        return TaskServers.start(backend, dir);
    }

    private long rows(String table, TaskApi user) {
        return server.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE user_id = :u")
                .bind("u", user.userId().toString()).mapTo(Long.class).one());
    }

    @Test
    void deletingTheAccountRemovesItsTasksAndEndsItsEventStreams() throws Exception {
        var user = TaskApi.register(http);
        var other = TaskApi.register(http);
        String kept = other.created("other user's").get("id").asText();
        user.created("one");
        String gone = user.created("two").get("id").asText();
        user.delete(gone);
        assertThat(rows("tasks", user)).isEqualTo(2);
        try (var events = SseListener.open(server.baseUri(), user.events(), user.token())) {
            assertThat(events.next(Duration.ofSeconds(5)).name()).isEqualTo("ready");
            var deleted = http.send("DELETE", "/api/auth/me", Map.of("password", Accounts.PASSWORD), user.token(), Map.of());
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            var end = events.next(Duration.ofSeconds(12));
            assertThat(end).isNotNull();
            assertThat(end.name()).isEqualTo("EOF");
        }
        assertThat(rows("tasks", user)).isZero();
        assertThat(rows("sync_state", user)).isZero();
        assertThat(rows("applied_mutations", user)).isZero();
        assertThat(user.list("").status()).isEqualTo(401);
        assertThat(other.get(kept).status()).isEqualTo(200);
    }
}
