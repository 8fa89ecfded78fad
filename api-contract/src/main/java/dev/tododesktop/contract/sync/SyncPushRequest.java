package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/{user_id}/sync}: at most {@value #MAX_MUTATIONS} mutations, applied in order,
 * and the ids of mutations whose answers the client has safely stored since its last push
 * ({@code acknowledged}, at most {@value #MAX_ACKNOWLEDGED}): the server keeps every answer for
 * replay until it is acknowledged.
 */
public record SyncPushRequest(List<Mutation> mutations, @JsonInclude(Include.NON_EMPTY) List<UUID> acknowledged) {

    public static final int MAX_MUTATIONS = 500;
    public static final int MAX_ACKNOWLEDGED = 2000;

    public SyncPushRequest {
        mutations = mutations == null ? List.of() : List.copyOf(mutations);
        acknowledged = acknowledged == null ? List.of() : List.copyOf(acknowledged);
    }

    public SyncPushRequest(List<Mutation> mutations) {
        this(mutations, List.of());
    }
}
