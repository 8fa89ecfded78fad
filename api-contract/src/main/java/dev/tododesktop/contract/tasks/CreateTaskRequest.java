package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.tododesktop.contract.Text;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/{user_id}/tasks}. Only {@code title} is required. Left-out fields take their
 * defaults here, so the server never sees a null it must interpret: no description, not
 * completed, priority {@code none}, no tags, no due date. {@code id} stays null when the client
 * lets the server choose it. The title is trimmed of invisible characters at both ends ({@link Text#trim}), as stored.
 */
public record CreateTaskRequest(
        @JsonInclude(Include.NON_NULL) UUID id,
        String title,
        @JsonInclude(Include.NON_NULL) String description,
        @JsonInclude(Include.NON_NULL) Boolean completed,
        @JsonInclude(Include.NON_NULL) Priority priority,
        @JsonInclude(Include.NON_NULL) List<String> tags,
        @JsonInclude(Include.NON_NULL) Instant dueAt) {

    public CreateTaskRequest {
        title = Text.trim(title);
        description = description == null ? "" : description;
        completed = completed != null && completed;
        priority = priority == null ? Priority.NONE : priority;
        tags = Tags.copyOf(tags);
    }

    /** A task with just a title, the id left to the server. */
    public static CreateTaskRequest titled(String title) {
        return new CreateTaskRequest(null, title, null, null, null, null, null);
    }

    /** The same request with a client-chosen id, as an offline create needs. */
    public CreateTaskRequest withId(UUID newId) {
        return new CreateTaskRequest(newId, title, description, completed, priority, tags, dueAt);
    }
}
