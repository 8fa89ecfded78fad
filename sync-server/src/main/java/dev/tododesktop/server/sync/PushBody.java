package dev.tododesktop.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tododesktop.contract.sync.Mutation;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.JsonBodies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a push body: the envelope must be right ({@code {"mutations": [...]}}, at most
 * {@link SyncPushRequest#MAX_MUTATIONS}; else the whole push is 400 or 422), while each mutation
 * is read on its own, so one that is wrong becomes an {@code invalid} result instead of failing
 * the push. Field names in a mutation's problem are a task field's own ({@code due_at}, as
 * validation reports them) or the mutation's ({@code base_version}).
 */
final class PushBody {

    private static final String MUTATIONS = "mutations";
    private static final String ACKNOWLEDGED = "acknowledged";

    /** The envelope read: its entries and the mutation ids whose answers the client acknowledges. */
    record Read(List<PushItem> items, List<UUID> acknowledged) {}
    private static final String FIELDS_PREFIX = "fields.";
    private static final Set<String> TASK_FIELDS = Set.of(TaskUpdate.TITLE, TaskUpdate.DESCRIPTION, TaskUpdate.COMPLETED,
            TaskUpdate.PRIORITY, TaskUpdate.TAGS, TaskUpdate.DUE_AT);

    private PushBody() {}

    static Read read(JsonBodies bodies, Context ctx) {
        var body = bodies.readObject(ctx);
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(MUTATIONS) && !name.equals(ACKNOWLEDGED)) {
                throw ApiException.badRequest(name, "Field '" + name + "' is not part of this request.");
            }
        }
        return new Read(items(bodies, body.get(MUTATIONS)), acknowledged(body.get(ACKNOWLEDGED)));
    }

    private static List<UUID> acknowledged(JsonNode ids) {
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw ApiException.badRequest(ACKNOWLEDGED, "Field 'acknowledged' must be an array of mutation ids.");
        }
        if (ids.size() > SyncPushRequest.MAX_ACKNOWLEDGED) {
            throw SyncService.tooManyAcknowledged();
        }
        var out = new ArrayList<UUID>(ids.size());
        for (JsonNode id : ids) {
            UUID parsed = canonicalUuid(id);
            if (parsed == null) {
                throw ApiException.badRequest(ACKNOWLEDGED, "Field 'acknowledged' holds something that is not a mutation id.");
            }
            out.add(parsed);
        }
        return out;
    }

    private static List<PushItem> items(JsonBodies bodies, JsonNode mutations) {
        if (mutations == null) {
            return List.of();
        }
        if (!mutations.isArray()) {
            throw ApiException.badRequest(MUTATIONS, "Field 'mutations' must be an array of mutations.");
        }
        if (mutations.size() > SyncPushRequest.MAX_MUTATIONS) {
            throw SyncService.tooManyMutations();
        }
        var items = new ArrayList<PushItem>(mutations.size());
        for (JsonNode entry : mutations) {
            items.add(item(bodies, entry));
        }
        return items;
    }

    private static PushItem item(JsonBodies bodies, JsonNode entry) {
        if (!entry.isObject()) {
            return new PushItem.Unreadable(null,
                    ApiException.badRequest(MUTATIONS, "Each mutation must be a JSON object.").problem());
        }
        return switch (bodies.bind(entry, Mutation.class, PushBody::fieldName)) {
            case JsonBodies.Bound.Value<Mutation>(Mutation m) -> new PushItem.Readable(m);
            case JsonBodies.Bound.Refused<Mutation>(ApiException problem) -> new PushItem.Unreadable(mutationId(entry), problem.problem());
        };
    }

    static String fieldName(String path) {
        if (path.startsWith(FIELDS_PREFIX) && TASK_FIELDS.contains(path.substring(FIELDS_PREFIX.length()))) {
            return path.substring(FIELDS_PREFIX.length());
        }
        return path;
    }

    /** The entry's mutation id when it has a readable one, so its result can still be matched by id. */
    private static UUID mutationId(JsonNode entry) {
        return canonicalUuid(entry.get("mutation_id"));
    }

    private static UUID canonicalUuid(JsonNode id) {
        if (id == null || !id.isTextual() || id.textValue().length() != 36) {
            return null;
        }
        try {
            UUID parsed = UUID.fromString(id.textValue());
            return parsed.toString().equalsIgnoreCase(id.textValue()) ? parsed : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
