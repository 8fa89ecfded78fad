package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.util.UUID;

/**
 * One offline edit sent by {@code POST /api/{user_id}/sync}. {@code mutation_id} makes resending
 * safe. {@code base_version} is the task version the edit was made on: required for
 * {@code update} (it drives the field-by-field merge), ignored otherwise. {@code fields} are the
 * fields a {@code create} or {@code update} sets, or {@code {"completed": ...}} for
 * {@code set_completed}; left out, it means no fields.
 */
public record Mutation(
        UUID mutationId,
        MutationType type,
        UUID taskId,
        @JsonInclude(Include.NON_NULL) Long baseVersion,
        @JsonInclude(Include.NON_NULL) TaskUpdate fields) {

    public Mutation {
        fields = fields == null ? TaskUpdate.empty() : fields;
    }

    public static Mutation create(UUID mutationId, UUID taskId, TaskUpdate fields) {
        return new Mutation(mutationId, MutationType.CREATE, taskId, null, fields);
    }

    public static Mutation update(UUID mutationId, UUID taskId, long baseVersion, TaskUpdate fields) {
        return new Mutation(mutationId, MutationType.UPDATE, taskId, baseVersion, fields);
    }

    public static Mutation delete(UUID mutationId, UUID taskId, Long baseVersion) {
        return new Mutation(mutationId, MutationType.DELETE, taskId, baseVersion, null);
    }

    public static Mutation setCompleted(UUID mutationId, UUID taskId, Long baseVersion, boolean completed) {
        return new Mutation(mutationId, MutationType.SET_COMPLETED, taskId, baseVersion,
                TaskUpdate.empty().withCompleted(completed));
    }
}
