package dev.tododesktop.client.api;

import static dev.tododesktop.client.testing.FakeAuthServer.USER;
import static dev.tododesktop.client.testing.FakeAuthServer.ok;
import static dev.tododesktop.client.testing.FakeAuthServer.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.FakeAuthServer;
import dev.tododesktop.client.testing.RecordingSleeper;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.MutationResult;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import dev.tododesktop.contract.sync.TaskTombstone;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskList;
import dev.tododesktop.contract.tasks.TaskSort;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Task and sync calls: paths, queries, headers, and which of them are resent after a dropped connection. */
class TaskAndSyncApiTest {

    private static final Instant T = Instant.parse("2026-11-24T05:00:00.000Z");
    private static final UUID TASK_ID = UUID.fromString("0191f000-0000-7000-8000-0000000000aa");
    private static final Task TASK = new Task(TASK_ID, "Buy milk", "", false, null, Priority.HIGH, List.of("home"),
            null, T, T, 3);

    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private TodoApiClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = TodoApiClient.builder(server.url("/").uri(), new SessionOnlyStore("test"))
                .readTimeout(Duration.ofSeconds(2))
                .sleeper(sleeper)
                .build();
        server.enqueue(tokens("access-1", "refresh-1", 900));
        client.login(new LoginRequest("ada@example.com", "correct horse", null));
        server.takeRequest();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    private RecordedRequest next() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void list_sends_the_query_to_the_users_task_path() throws Exception {
        server.enqueue(ok(new TaskList(List.of(TASK), 1)));

        var result = TaskApi.of(client).list(TaskQuery.all().withStatus(TaskStatusFilter.PENDING).withText("milk & honey")
                .withPriority(Priority.HIGH).sortedBy(TaskSort.DUE_DATE, SortOrder.DESC).page(50, 100));

        assertThat(result).isEqualTo(new ApiResult.Ok<>(new TaskList(List.of(TASK), 1)));
        var request = next();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/" + USER.id() + "/tasks");
        assertThat(request.getUrl().queryParameter("status")).isEqualTo("pending");
        assertThat(request.getUrl().queryParameter("q")).isEqualTo("milk & honey");
        assertThat(request.getUrl().queryParameter("priority")).isEqualTo("high");
        assertThat(request.getUrl().queryParameter("sort")).isEqualTo("due_date");
        assertThat(request.getUrl().queryParameter("order")).isEqualTo("desc");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("50");
        assertThat(request.getUrl().queryParameter("offset")).isEqualTo("100");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void update_with_a_version_sends_if_match_and_a_412_comes_back_rejected() throws Exception {
        server.enqueue(FakeAuthServer.problem(dev.tododesktop.contract.Problem.of(412, "Precondition Failed", "The task changed.")));

        var result = TaskApi.of(client).update(TASK_ID, TaskUpdate.empty().withTitle("Buy oat milk"), OptionalLong.of(3));

        assertThat(result).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) result).status()).isEqualTo(412);
        var request = next();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getHeaders().get("If-Match")).isEqualTo("\"3\"");
        assertThat(request.getBody().utf8()).isEqualTo("{\"title\":\"Buy oat milk\"}");
    }

    @Test
    void a_create_with_a_client_chosen_id_is_resent_after_a_dropped_connection() {
        server.enqueue(dropped());
        server.enqueue(FakeAuthServer.json(201, TASK));

        assertThat(TaskApi.of(client).create(CreateTaskRequest.titled("Buy milk").withId(TASK_ID))).isEqualTo(new ApiResult.Ok<>(TASK));
        assertThat(server.getRequestCount()).isEqualTo(1 + 2);
    }

    @Test
    void a_create_without_an_id_is_not_resent_since_it_would_make_a_second_task() {
        server.enqueue(dropped());
        server.enqueue(FakeAuthServer.json(201, TASK));

        assertThat(TaskApi.of(client).create(CreateTaskRequest.titled("Buy milk"))).isInstanceOf(ApiResult.Offline.class);
        assertThat(server.getRequestCount()).isEqualTo(1 + 1);
    }

    @Test
    void set_completed_is_resent_but_a_toggle_is_not() throws Exception {
        server.enqueue(dropped());
        server.enqueue(ok(TASK));
        assertThat(TaskApi.of(client).setCompleted(TASK_ID, true)).isEqualTo(new ApiResult.Ok<>(TASK));
        next();
        var resent = next();
        assertThat(resent.getMethod()).isEqualTo("PATCH");
        assertThat(resent.getBody().utf8()).isEqualTo("{\"completed\":true}");

        server.enqueue(dropped());
        server.enqueue(ok(TASK));
        assertThat(TaskApi.of(client).toggleCompleted(TASK_ID)).isInstanceOf(ApiResult.Offline.class);
        assertThat(server.getRequestCount()).isEqualTo(1 + 2 + 1);
    }

    @Test
    void delete_answers_done_and_someone_elses_task_is_a_404() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(FakeAuthServer.problem(dev.tododesktop.contract.Problem.of(404, "Not Found", "No such task.")));

        assertThat(TaskApi.of(client).delete(TASK_ID)).isEqualTo(new ApiResult.Ok<>(dev.tododesktop.client.Done.DONE));
        var missing = TaskApi.of(client).get(UUID.randomUUID());
        assertThat(missing).isInstanceOf(ApiResult.Rejected.class);
        assertThat(((ApiResult.Rejected<?>) missing).status()).isEqualTo(404);
    }

    @Test
    void pull_sends_the_cursor_and_reads_tombstones() throws Exception {
        String body = "{\"changes\":[{\"id\":\"" + TASK_ID + "\",\"version\":4,\"updated_at\":\"2026-11-24T05:00:00.000Z\","
                + "\"deleted\":true}],\"cursor\":\"c-2\",\"has_more\":false}";
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build());

        var result = client.sync().pull(Optional.of("c-1"), 200);

        var pulled = result.okValue().orElseThrow();
        assertThat(pulled.cursor()).isEqualTo("c-2");
        assertThat(pulled.hasMore()).isFalse();
        assertThat(pulled.changes()).singleElement().isInstanceOf(TaskTombstone.class);
        var request = next();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/" + USER.id() + "/sync");
        assertThat(request.getUrl().queryParameter("cursor")).isEqualTo("c-1");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("200");
    }

    @Test
    void a_push_whose_answer_was_lost_is_resent_with_the_same_mutation_ids() throws Exception {
        UUID mutationId = UUID.randomUUID();
        var push = new SyncPushRequest(List.of(Mutation.create(mutationId, TASK_ID, TaskUpdate.empty().withTitle("Buy milk"))));
        server.enqueue(dropped());
        server.enqueue(ok(new SyncPushResponse(List.of(MutationResult.duplicate(mutationId, null)), "c-9")));

        var result = client.sync().push(push);

        assertThat(result.okValue().orElseThrow().cursor()).isEqualTo("c-9");
        String first = next().getBody().utf8();
        String second = next().getBody().utf8();
        assertThat(second).isEqualTo(first).contains(mutationId.toString());
    }

    @Test
    void task_calls_while_signed_out_answer_unauthorized_without_the_network() {
        server.enqueue(new MockResponse.Builder().code(204).build());
        client.logout();
        int before = server.getRequestCount();

        assertThat(TaskApi.of(client).list(TaskQuery.all())).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(client.sync().pull(Optional.empty(), 100)).isInstanceOf(ApiResult.Unauthorized.class);
        assertThat(server.getRequestCount()).isEqualTo(before);
    }

}
