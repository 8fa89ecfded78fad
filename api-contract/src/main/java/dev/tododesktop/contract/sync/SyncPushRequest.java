package dev.tododesktop.contract.sync;

import java.util.List;

/** {@code POST /api/{user_id}/sync}: at most {@value #MAX_MUTATIONS} mutations, applied in order. */
public record SyncPushRequest(List<Mutation> mutations) {

    public static final int MAX_MUTATIONS = 500;

    public SyncPushRequest {
        mutations = mutations == null ? List.of() : List.copyOf(mutations);
    }
}
