package dev.tododesktop.contract.sync;

import java.util.List;

/** The answer to a push: one result per mutation, in the same order, and the cursor after them. */
public record SyncPushResponse(List<MutationResult> results, String cursor) {
    public SyncPushResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
