package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.tasks.Priority;
import dev.tododesktop.contract.tasks.SortOrder;
import dev.tododesktop.contract.tasks.TaskLimits;
import dev.tododesktop.contract.tasks.TaskSort;
import dev.tododesktop.contract.tasks.TaskStatusFilter;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.ApiRoutes;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the task list's query string ({@link ApiRoutes#query}, already checked for encoding and
 * NUL): an unknown enum value or a non-number is malformed (400); a number out of range fails
 * validation (422).
 */
public final class QueryParams {

    private QueryParams() {}

    public static TaskQuery taskQuery(Context ctx) {
        var status = enumParam(ctx, "status", TaskStatusFilter::fromWire).orElse(TaskStatusFilter.ALL);
        var sort = enumParam(ctx, "sort", TaskSort::fromWire).orElse(TaskSort.CREATED);
        var order = enumParam(ctx, "order", SortOrder::fromWire).orElse(SortOrder.ASC);
        var priority = enumParam(ctx, "priority", Priority::fromWire);
        var text = ApiRoutes.query(ctx).get("q");
        var tag = ApiRoutes.query(ctx).get("tag");
        long limit = longParam(ctx, "limit").orElse((long) TaskLimits.LIST_DEFAULT_LIMIT);
        long offset = longParam(ctx, "offset").orElse(0L);
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

    /** The query parameters of the task list, for its route's declaration. */
    public static final String[] TASK_LIST = {"status", "q", "tag", "priority", "sort", "order", "limit", "offset"};

    public static <E> Optional<E> enumParam(Context ctx, String name, Function<String, E> parse) {
        Optional<String> raw = ApiRoutes.query(ctx).get(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(raw.get()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, e.getMessage());
        }
    }

    public static Optional<Long> longParam(Context ctx, String name) {
        Optional<String> value = ApiRoutes.query(ctx).get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String raw = value.get();
        if (raw.length() > 18 || !isWholeNumber(raw)) {
            throw ApiException.badRequest(name, "Query parameter '" + name + "' must be a whole number.");
        }
        return Optional.of(Long.parseLong(raw));
    }

    /** {@code -?[0-9]+} without compiling a regex on every request. */
    private static boolean isWholeNumber(String raw) {
        int start = raw.charAt(0) == '-' ? 1 : 0;
        if (start == raw.length()) {
            return false;
        }
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
