package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.contract.tasks.TaskLimits;
import dev.tododesktop.contract.tasks.TaskSort;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.auth.UserScope;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ApiRoutes;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.QueryParams;
import dev.tododesktop.server.http.RouteGroup;
import dev.tododesktop.server.http.ServerJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalLong;

/** The six {@code /api/{user_id}/tasks} endpoints. */
public final class TaskRoutes implements RouteGroup {

    /** The optional body of PATCH …/complete; a missing or null value is a validation error, not "false". */
    record CompleteBody(Boolean completed) {}

    /** The query parameters of the task list. */
    static final String[] LIST_PARAMETERS = {"status", "q", "tag", "priority", "sort", "order", "limit", "offset"};

    private final UserScope scope;
    private final TaskService tasks;
    private final JsonBodies bodies;

    public TaskRoutes(UserScope scope, TaskService tasks, JsonBodies bodies) {
        this.scope = scope;
        this.tasks = tasks;
        this.bodies = bodies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        ApiRoutes.get(routes, ApiPaths.TASKS, this::list, LIST_PARAMETERS);
        routes.post(ApiPaths.TASKS, this::create);
        ApiRoutes.get(routes, ApiPaths.TASK, this::get);
        routes.put(ApiPaths.TASK, this::update);
        routes.delete(ApiPaths.TASK, this::delete);
        routes.patch(ApiPaths.TASK_COMPLETE, this::complete);
    }

    private void list(Context ctx) {
        var user = scope.require(ctx).userId();
        ServerJson.write(ctx, tasks.list(user, taskQuery(ctx)));
    }

    private void create(Context ctx) {
        var user = scope.require(ctx).userId();
        var outcome = tasks.create(user, bodies.read(ctx, CreateTaskRequest.class));
        ctx.status(outcome instanceof TaskService.CreateOutcome.Created ? 201 : 200).json(outcome.task());
    }

    private void get(Context ctx) {
        var user = scope.require(ctx).userId();
        ServerJson.write(ctx, tasks.get(user, UserScope.pathId(ctx, ApiPaths.PARAM_ID)));
    }

    private void update(Context ctx) {
        var user = scope.require(ctx).userId();
        var id = UserScope.pathId(ctx, ApiPaths.PARAM_ID);
        var expected = ifMatch(ctx.header("If-Match"));
        ctx.json(tasks.update(user, id, bodies.read(ctx, TaskUpdate.class), expected));
    }

    private void delete(Context ctx) {
        var user = scope.require(ctx).userId();
        tasks.delete(user, UserScope.pathId(ctx, ApiPaths.PARAM_ID));
        ctx.status(204);
    }

    private void complete(Context ctx) {
        var user = scope.require(ctx).userId();
        var id = UserScope.pathId(ctx, ApiPaths.PARAM_ID);
        Optional<Boolean> completed = bodies.readOptional(ctx, CompleteBody.class).map(body -> {
            if (body.completed() == null) {
                throw ApiException.validation("completed", "completed must be true or false.");
            }
            return body.completed();
        });
        ctx.json(tasks.complete(user, id, completed));
    }

    /** The list's query string: a number out of range fails validation (422). */
    private static TaskQuery taskQuery(Context ctx) {
        var status = QueryParams.enumParam(ctx, "status", TaskStatusFilter::fromWire).orElse(TaskStatusFilter.ALL);
        var sort = QueryParams.enumParam(ctx, "sort", TaskSort::fromWire).orElse(TaskSort.CREATED);
        var order = QueryParams.enumParam(ctx, "order", SortOrder::fromWire).orElse(SortOrder.ASC);
        var priority = QueryParams.enumParam(ctx, "priority", Priority::fromWire);
        var text = QueryParams.text(ctx, "q");
        var tag = QueryParams.text(ctx, "tag");
        long limit = QueryParams.longParam(ctx, "limit").orElse((long) TaskLimits.LIST_DEFAULT_LIMIT);
        long offset = QueryParams.longParam(ctx, "offset").orElse(0L);
        var errors = new ArrayList<FieldError>();
        if (limit < 1 || limit > TaskLimits.LIST_MAX_LIMIT) {
            errors.add(new FieldError("limit", "limit must be between 1 and " + TaskLimits.LIST_MAX_LIMIT + "."));
        }
        if (offset < 0) {
            errors.add(new FieldError("offset", "offset cannot be negative."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new TaskQuery(status, text, tag, priority, sort, order, (int) limit, offset);
    }

    /** {@code If-Match: "7"} (quotes optional, weak prefix tolerated; {@code *} matches any version). */
    static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("If-Match must be a task version in quotes, e.g. \"3\".");
        }
        return OptionalLong.of(Long.parseLong(v));
    }
}
