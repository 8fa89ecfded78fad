package dev.tododesktop.contract.sync;

import static dev.tododesktop.contract.JsonAssertions.assertRoundTrips;
import static dev.tododesktop.contract.JsonAssertions.assertWritesAs;
import static dev.tododesktop.contract.JsonAssertions.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DatabindException;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncJsonTest {

    static final UUID TASK_ID = UUID.fromString("0192f7a0-0000-7000-8000-0000000000aa");
    static final UUID MUTATION_ID = UUID.fromString("0192f7a0-0000-7000-8000-000000000001");

    static final String LIVE = """
            {"id": "0192f7a0-0000-7000-8000-0000000000aa", "title": "Buy milk", "description": "",
             "completed": false, "completed_at": null, "priority": "none", "tags": [], "due_at": null,
             "created_at": "2026-11-24T04:10:00.123Z", "updated_at": "2026-11-24T04:10:00.123Z",
             "version": 1, "deleted": false}
            """;
    static final String TOMBSTONE = """
            {"id": "0192f7a0-0000-7000-8000-0000000000bb", "version": 4,
             "updated_at": "2026-11-24T04:12:00.000Z", "deleted": true}
            """;

    @Test
    void aPullReadsLiveTasksAndTombstonesByTheirDeletedFlag() throws Exception {
        var pull = assertRoundTrips("{\"changes\": [" + LIVE + ", " + TOMBSTONE + "], \"cursor\": \"c_17\", \"has_more\": false}",
                SyncPullResponse.class);
        assertThat(pull.changes()).hasSize(2);
        assertThat(pull.changes().get(0)).isInstanceOfSatisfying(TaskChange.class, live -> {
            assertThat(live.deleted()).isFalse();
            assertThat(live.title()).isEqualTo("Buy milk");
        });
        assertThat(pull.changes().get(1)).isEqualTo(new TaskTombstone(
                UUID.fromString("0192f7a0-0000-7000-8000-0000000000bb"), 4, Instant.parse("2026-11-24T04:12:00Z")));
        assertThat(pull.cursor()).isEqualTo("c_17");
        assertThat(pull.hasMore()).isFalse();
    }

    @Test
    void aTombstoneWritesOnlyItsFourFields() throws Exception {
        assertWritesAs(new TaskTombstone(UUID.fromString("0192f7a0-0000-7000-8000-0000000000bb"), 4,
                Instant.parse("2026-11-24T04:12:00Z")), TOMBSTONE);
    }

    @Test
    void aLiveChangeIsTheTaskPlusDeletedFalse() throws Exception {
        var task = new Task(TASK_ID, "Buy milk", "", false, null, Priority.NONE, List.of(), null,
                Instant.parse("2026-11-24T04:10:00.123Z"), Instant.parse("2026-11-24T04:10:00.123Z"), 1);
        assertWritesAs(TaskChange.of(task), LIVE);
        assertThat(TaskChange.of(task).task()).isEqualTo(task);
    }

    @Test
    void aChangeWithoutTheDeletedFlagFailsReading() {
        assertThatThrownBy(() -> read(TOMBSTONE.replace(", \"deleted\": true", ""), SyncChange.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("deleted");
        assertThatThrownBy(() -> read(TOMBSTONE.replace("true", "\"yes\""), SyncChange.class))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void aPushRequestReadsAsApiMdShowsIt() throws Exception {
        var push = read("""
                {"mutations": [
                  {"mutation_id": "0192f7a0-0000-7000-8000-000000000001", "type": "create",
                   "task_id": "0192f7a0-0000-7000-8000-0000000000aa", "base_version": null,
                   "fields": {"title": "Buy milk", "tags": ["home"]}},
                  {"mutation_id": "0192f7a0-0000-7000-8000-000000000002", "type": "update",
                   "task_id": "0192f7a0-0000-7000-8000-0000000000aa", "base_version": 1,
                   "fields": {"due_at": null}},
                  {"mutation_id": "0192f7a0-0000-7000-8000-000000000003", "type": "set_completed",
                   "task_id": "0192f7a0-0000-7000-8000-0000000000aa", "base_version": 2,
                   "fields": {"completed": true}},
                  {"mutation_id": "0192f7a0-0000-7000-8000-000000000004", "type": "delete",
                   "task_id": "0192f7a0-0000-7000-8000-0000000000aa"}
                ]}
                """, SyncPushRequest.class);
        assertThat(push.mutations()).extracting(Mutation::type).containsExactly(
                MutationType.CREATE, MutationType.UPDATE, MutationType.SET_COMPLETED, MutationType.DELETE);
        assertThat(push.mutations().get(0)).isEqualTo(Mutation.create(UUID.fromString("0192f7a0-0000-7000-8000-000000000001"),
                TASK_ID, TaskUpdate.empty().withTitle("Buy milk").withTags(List.of("home"))));
        assertThat(push.mutations().get(1).baseVersion()).isEqualTo(1L);
        assertThat(push.mutations().get(1).fields().dueAt()).isEqualTo(FieldUpdate.clear());
        assertThat(push.mutations().get(2).fields().completed()).isEqualTo(FieldUpdate.set(true));
        assertThat(push.mutations().get(3).baseVersion()).isNull();
        assertThat(push.mutations().get(3).fields()).isEqualTo(TaskUpdate.empty());
    }

    @Test
    void aMutationWritesOnlyTheFieldsItSets() throws Exception {
        assertWritesAs(Mutation.update(MUTATION_ID, TASK_ID, 3, TaskUpdate.empty().withDueAt(null)), """
                {"mutation_id": "0192f7a0-0000-7000-8000-000000000001", "type": "update",
                 "task_id": "0192f7a0-0000-7000-8000-0000000000aa", "base_version": 3, "fields": {"due_at": null}}
                """);
        assertWritesAs(Mutation.delete(MUTATION_ID, TASK_ID, null), """
                {"mutation_id": "0192f7a0-0000-7000-8000-000000000001", "type": "delete",
                 "task_id": "0192f7a0-0000-7000-8000-0000000000aa", "fields": {}}
                """);
    }

    @Test
    void anUnknownMutationTypeFailsReading() {
        assertThatThrownBy(() -> read("{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000001\", \"type\": \"upsert\","
                + " \"task_id\": \"0192f7a0-0000-7000-8000-0000000000aa\"}", Mutation.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("set_completed");
    }

    @Test
    void pushResultsCarryConflictsAndErrorsOnlyWhenTheyHaveThem() throws Exception {
        var response = assertRoundTrips("{\"results\": ["
                + "{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000001\", \"status\": \"applied\", \"task\": " + LIVE + "},"
                + "{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000002\", \"status\": \"conflict\", \"task\": " + LIVE
                + ", \"conflicts\": [\"title\", \"due_at\"]},"
                + "{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000003\", \"status\": \"conflict\", \"task\": " + TOMBSTONE
                + ", \"conflicts\": []},"
                + "{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000004\", \"status\": \"invalid\", \"task\": null,"
                + " \"error\": {\"type\": \"urn:todo-desktop:problem:validation-failed\", \"title\": \"Validation failed\","
                + " \"status\": 422, \"detail\": \"One field is not valid.\","
                + " \"errors\": [{\"field\": \"title\", \"message\": \"Title is required.\"}]}},"
                + "{\"mutation_id\": \"0192f7a0-0000-7000-8000-000000000005\", \"status\": \"applied\", \"task\": null}"
                + "], \"cursor\": \"c_20\"}", SyncPushResponse.class);
        var results = response.results();
        assertThat(results).extracting(MutationResult::status).containsExactly(MutationStatus.APPLIED,
                MutationStatus.CONFLICT, MutationStatus.CONFLICT, MutationStatus.INVALID, MutationStatus.APPLIED);
        assertThat(results.get(1).conflicts()).containsExactly("title", "due_at");
        assertThat(results.get(2).task()).isInstanceOf(TaskTombstone.class);
        assertThat(results.get(3)).isEqualTo(MutationResult.invalid(UUID.fromString("0192f7a0-0000-7000-8000-000000000004"),
                Problem.validation(List.of(new FieldError("title", "Title is required.")))));
        assertThat(results.get(4).task()).isNull();
    }

    @Test
    void eventPayloadsCarryTheCursor() throws Exception {
        assertThat(assertRoundTrips("{\"cursor\": \"c_42\"}", CursorEvent.class).cursor()).isEqualTo("c_42");
        assertThat(SyncEventType.fromWire("ready")).isEqualTo(SyncEventType.READY);
        assertThat(SyncEventType.CHANGED.wire()).isEqualTo("changed");
    }
}
