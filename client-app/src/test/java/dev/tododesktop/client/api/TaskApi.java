package dev.tododesktop.client.api;

import dev.tododesktop.client.Done;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.tasks.CompleteRequest;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskList;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.util.OptionalLong;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Another device that edits tasks over the REST API ({@code /api/{user_id}/tasks}), one HTTP call
 * per method, through the client's session. The app itself syncs through {@code /sync}; tests use
 * this to change the server's tasks the way a phone would.
 */
public final class TaskApi {

    private final TodoApiClient client;

    private TaskApi(TodoApiClient client) {
        this.client = client;
    }

    /** The tasks of whoever {@code client} is signed in as. */
    public static TaskApi of(TodoApiClient client) {
        return new TaskApi(client);
    }

    public ApiResult<TaskList> list(TaskQuery query) {
        return client.forUser(user -> new Request.Builder().url(query.applyTo(client.url(ApiPaths.tasks(user)))).get().build(),
                TaskList.class);
    }

    /** Someone else's task, or one that does not exist, is {@link ApiResult.Rejected} with 404. */
    public ApiResult<Task> get(UUID taskId) {
        return client.forUser(user -> client.get(ApiPaths.task(user, taskId)), Task.class);
    }

    /**
     * Creates a task. With a client-chosen id the call is safe to resend (the server answers the
     * existing task), so it is retried like any idempotent request; without one it is not.
     */
    public ApiResult<Task> create(CreateTaskRequest request) {
        return client.forUser(user -> {
            var builder = client.post(ApiPaths.tasks(user), request).newBuilder();
            if (request.id() != null) {
                builder.tag(Idempotent.class, Idempotent.MARKED);
            }
            return builder.build();
        }, Task.class);
    }

    /** Sets the fields the update names; with {@code ifMatchVersion}, a 412 {@link ApiResult.Rejected} if the task changed since. */
    public ApiResult<Task> update(UUID taskId, TaskUpdate update, OptionalLong ifMatchVersion) {
        return client.forUser(user -> {
            var builder = new Request.Builder().url(client.url(ApiPaths.task(user, taskId))).put(client.json(update));
            ifMatchVersion.ifPresent(v -> builder.header("If-Match", "\"" + v + "\""));
            return builder.build();
        }, Task.class);
    }

    public ApiResult<Done> delete(UUID taskId) {
        return client.forUser(user -> new Request.Builder().url(client.url(ApiPaths.task(user, taskId))).delete().build(),
                Done.class);
    }

    /** Sets the completed flag (replay-safe, so retried); prefer it to {@link #toggleCompleted}. */
    public ApiResult<Task> setCompleted(UUID taskId, boolean completed) {
        return client.forUser(user -> new Request.Builder().url(client.url(ApiPaths.taskComplete(user, taskId)))
                .patch(client.json(new CompleteRequest(completed)))
                .tag(Idempotent.class, Idempotent.MARKED)
                .build(), Task.class);
    }

    /** Flips the completed flag; not retried, since a repeat would flip it back. */
    public ApiResult<Task> toggleCompleted(UUID taskId) {
        return client.forUser(user -> new Request.Builder().url(client.url(ApiPaths.taskComplete(user, taskId)))
                .patch(RequestBody.create(new byte[0], null))
                .build(), Task.class);
    }
}
