package dev.tododesktop.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.Done;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.MutationStatus;
import dev.tododesktop.contract.sync.SyncChange;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.TaskChange;
import dev.tododesktop.contract.sync.TaskTombstone;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task and sync calls against the real in-process server. */
class RealServerTaskSyncTest {

    @TempDir
    Path dataDir;

    private RealServer server;
    private TodoApiClient client;

    @BeforeEach
    void start() {
        server = new RealServer(dataDir);
        client = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("test")).build();
        assertThat(client.register(new RegisterRequest("ada-" + UUID.randomUUID() + "@example.com",
                "correct horse battery", null, null)).isOk()).isTrue();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void tasks_round_trip_with_versions_and_if_match() {
        UUID id = UUID.randomUUID();
        Task created = TaskApi.of(client).create(CreateTaskRequest.titled("Buy milk").withId(id)).okValue().orElseThrow();
        assertThat(created.id()).isEqualTo(id);
        assertThat(TaskApi.of(client).create(CreateTaskRequest.titled("Buy milk").withId(id)))
                .as("a resent create answers the existing task").isEqualTo(new ApiResult.Ok<>(created));

        Task edited = TaskApi.of(client).update(id, TaskUpdate.empty().withPriority(Priority.HIGH), OptionalLong.of(created.version()))
                .okValue().orElseThrow();
        assertThat(edited.priority()).isEqualTo(Priority.HIGH);
        var stale = TaskApi.of(client).update(id, TaskUpdate.empty().withTitle("Buy oat milk"), OptionalLong.of(created.version()));
        assertThat(stale).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) stale).status()).isEqualTo(412);

        assertThat(TaskApi.of(client).setCompleted(id, true).okValue().orElseThrow().completed()).isTrue();
        assertThat(TaskApi.of(client).list(TaskQuery.all().withStatus(TaskStatusFilter.COMPLETED)).okValue().orElseThrow().count())
                .isEqualTo(1);

        var invalid = TaskApi.of(client).create(CreateTaskRequest.titled(" "));
        assertThat(invalid).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) invalid).fieldError("title")).isPresent();

        assertThat(TaskApi.of(client).delete(id)).isEqualTo(new ApiResult.Ok<>(Done.DONE));
        var gone = TaskApi.of(client).get(id);
        assertThat(gone).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) gone).status()).isEqualTo(404);
    }

    @Test
    void push_resent_after_a_lost_answer_gets_its_answers_again_and_pull_replicates_after_a_silent_refresh() {
        UUID taskId = UUID.randomUUID();
        UUID createId = UUID.randomUUID();
        var batch = new SyncPushRequest(List.of(
                Mutation.create(createId, taskId, TaskUpdate.empty().withTitle("Written offline")),
                Mutation.setCompleted(UUID.randomUUID(), taskId, null, true)));

        List<MutationResult> first = client.sync().push(batch).okValue().orElseThrow().results();
        assertThat(first).extracting(MutationResult::status).containsExactly(MutationStatus.APPLIED, MutationStatus.APPLIED);
        List<MutationResult> again = client.sync().push(batch).okValue().orElseThrow().results();
        // The first answers again, marked as replays (docs/sync.md, "Answers").
        assertThat(again).extracting(MutationResult::status).containsExactly(MutationStatus.APPLIED, MutationStatus.APPLIED);
        assertThat(again).extracting(MutationResult::replayed).containsExactly(true, true);
        assertThat(again).extracting(MutationResult::version).containsExactly(1L, 2L);

        server.clock.advance(RealServer.PAST_ACCESS_EXPIRY); // the sync engine will meet this after a night offline
        var pulled = client.sync().pull(Optional.empty(), 100).okValue().orElseThrow();
        assertThat(pulled.hasMore()).isFalse();
        assertThat(pulled.changes()).singleElement().isInstanceOfSatisfying(TaskChange.class, change -> {
            assertThat(change.id()).isEqualTo(taskId);
            assertThat(change.task().completed()).isTrue();
        });

        TaskApi.of(client).delete(taskId);
        List<SyncChange> after = client.sync().pull(Optional.of(pulled.cursor()), 100).okValue().orElseThrow().changes();
        assertThat(after).singleElement().isInstanceOf(TaskTombstone.class);
    }
}
