package dev.tododesktop.contract.sync;

import java.util.List;

/**
 * {@code GET /api/{user_id}/sync}: changes after the given cursor in change order. Pull again with
 * {@code cursor} while {@code has_more} is true. The cursor is opaque: store it, never parse it.
 */
public record SyncPullResponse(List<SyncChange> changes, String cursor, boolean hasMore) {
    public SyncPullResponse {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
