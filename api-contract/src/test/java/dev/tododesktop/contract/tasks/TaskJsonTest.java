package dev.tododesktop.contract.tasks;

import static dev.tododesktop.contract.JsonAssertions.assertRoundTrips;
import static dev.tododesktop.contract.JsonAssertions.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DatabindException;
import dev.tododesktop.contract.ApiJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskJsonTest {

    static final String TASK_JSON = """
            {"id": "0192f7a0-0000-7000-8000-0000000000aa", "title": "Buy milk", "description": "",
             "completed": false, "completed_at": null, "priority": "high", "tags": ["home", "errand"],
             "due_at": null, "created_at": "2026-11-24T04:10:00.123Z", "updated_at": "2026-11-24T04:11:00.000Z",
             "version": 3}
            """;

    @Test
    void aTaskReadsAndWritesAsApiMdShowsIt() throws Exception {
        Task task = assertRoundTrips(TASK_JSON, Task.class);
        assertThat(task.id()).isEqualTo(UUID.fromString("0192f7a0-0000-7000-8000-0000000000aa"));
        assertThat(task.priority()).isEqualTo(Priority.HIGH);
        assertThat(task.tags()).containsExactly("home", "errand");
        assertThat(task.dueAt()).isNull();
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-11-24T04:10:00.123Z"));
        assertThat(task.version()).isEqualTo(3);
    }

    @Test
    void nullTimestampsAreWrittenNotLeftOut() throws Exception {
        String json = ApiJson.mapper().writeValueAsString(read(TASK_JSON, Task.class));
        assertThat(json).contains("\"due_at\":null", "\"completed_at\":null");
    }

    @Test
    void timestampsAreTruncatedToMilliseconds() throws Exception {
        var task = new Task(UUID.randomUUID(), "t", "", true, Instant.parse("2026-11-24T04:10:00.123999Z"),
                Priority.NONE, List.of(), null, Instant.parse("2026-11-24T04:10:00Z"),
                Instant.parse("2026-11-24T04:10:00.5Z"), 1);
        String json = ApiJson.mapper().writeValueAsString(task);
        assertThat(json).contains("\"completed_at\":\"2026-11-24T04:10:00.123Z\"",
                "\"created_at\":\"2026-11-24T04:10:00.000Z\"", "\"updated_at\":\"2026-11-24T04:10:00.500Z\"");
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        Task task = read(TASK_JSON.replace("\"version\": 3", "\"version\": 3, \"color\": \"red\""), Task.class);
        assertThat(task.version()).isEqualTo(3);
    }

    @Test
    void anUnknownPriorityFailsReading() {
        assertThatThrownBy(() -> read(TASK_JSON.replace("\"high\"", "\"urgent\""), Task.class))
                .isInstanceOf(DatabindException.class).hasMessageContaining("urgent");
        assertThatThrownBy(() -> read(TASK_JSON.replace("\"high\"", "\"HIGH\""), Task.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read(TASK_JSON.replace("\"high\"", "2"), Task.class))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void priorityAndListQueryEnumsUseTheirLowerCaseNames() throws Exception {
        assertThat(ApiJson.mapper().writeValueAsString(Priority.MEDIUM)).isEqualTo("\"medium\"");
        assertThat(TaskSort.fromWire("due_date")).isEqualTo(TaskSort.DUE_DATE);
        assertThat(TaskStatusFilter.fromWire("pending")).isEqualTo(TaskStatusFilter.PENDING);
        assertThat(SortOrder.fromWire("desc")).isEqualTo(SortOrder.DESC);
        assertThatThrownBy(() -> TaskSort.fromWire("due")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("due_date");
    }

    @Test
    void aCreateRequestWithOnlyATitleGetsTheDefaults() throws Exception {
        var request = read("{\"title\": \"  Buy milk \"}", CreateTaskRequest.class);
        assertThat(request).isEqualTo(new CreateTaskRequest(null, "Buy milk", "", false, Priority.NONE, List.of(), null));
        assertThat(request.id()).isNull();
    }

    @Test
    void aFullCreateRequestRoundTrips() throws Exception {
        var request = assertRoundTrips("""
                {"id": "0192f7a0-0000-7000-8000-0000000000aa", "title": "Pay rent", "description": "by card",
                 "completed": true, "priority": "low", "tags": ["money"], "due_at": "2026-12-01T09:00:00.000Z"}
                """, CreateTaskRequest.class);
        assertThat(request.dueAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void aTaskListCarriesTheCountBeforePaging() throws Exception {
        var list = assertRoundTrips("{\"items\": [" + TASK_JSON + "], \"count\": 41}", TaskList.class);
        assertThat(list.items()).hasSize(1);
        assertThat(list.count()).isEqualTo(41);
    }

    @Test
    void aCompleteBodySetsTheValue() throws Exception {
        assertThat(assertRoundTrips("{\"completed\": true}", CompleteRequest.class).completed()).isTrue();
        assertThatThrownBy(() -> read("{\"completed\": null}", CompleteRequest.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{}", CompleteRequest.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"completed\": 1}", CompleteRequest.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"completed\": \"yes\"}", CompleteRequest.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void aNumberOrBooleanWhereTextBelongsFailsReadingInsteadOfBecomingText() {
        assertThatThrownBy(() -> read("{\"title\": 5}", CreateTaskRequest.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"title\": true}", CreateTaskRequest.class)).isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> read("{\"title\": \"t\", \"tags\": [1.5]}", CreateTaskRequest.class))
                .isInstanceOf(DatabindException.class);
    }

    @Test
    void aNullTagReachesTheValidatorInsteadOfFailingTheRead() throws Exception {
        var request = read("{\"title\": \"t\", \"tags\": [\"a\", null]}", CreateTaskRequest.class);
        assertThat(request.tags()).containsExactly("a", null);
    }
}
