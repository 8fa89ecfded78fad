package dev.tododesktop.client.api;

import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.sync.SyncPullResponse;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import java.util.Optional;
import java.util.UUID;
import okhttp3.Request;

/** Sync pull and push for the sync engine ({@code /api/{user_id}/sync}). Get it from {@link TodoApiClient#sync()}. */
public final class SyncApi {

    private final TodoApiClient client;

    SyncApi(TodoApiClient client) {
        this.client = client;
    }

    /** Changes after {@code cursor} (everything when empty); pull again with the answer's cursor while {@code has_more}. */
    public ApiResult<SyncPullResponse> pull(Optional<String> cursor, int limit) {
        return client.forUser(user -> {
            var url = client.url(ApiPaths.sync(user)).newBuilder().addQueryParameter("limit", Integer.toString(limit));
            cursor.ifPresent(c -> url.addQueryParameter("cursor", c));
            return new Request.Builder().url(url.build()).get().build();
        }, SyncPullResponse.class);
    }

    /**
     * Sends a batch of outbox mutations. Retried on network trouble like an idempotent request:
     * the server answers {@code duplicate} for a mutation id it has already applied.
     */
    public ApiResult<SyncPushResponse> push(SyncPushRequest request) {
        return client.forUser(user -> client.post(ApiPaths.sync(user), request).newBuilder()
                .tag(Idempotent.class, Idempotent.MARKED)
                .build(), SyncPushResponse.class);
    }

    /**
     * A connection to {@code GET /api/{user_id}/events}, not yet opened (its {@link EventStream#read}
     * connects); empty when signed out.
     */
    public Optional<EventStream> events() {
        Optional<UUID> user = client.userId();
        return user.map(id -> new EventStream(client.streamingHttp().newCall(new Request.Builder()
                .url(client.url(ApiPaths.events(id)))
                .header("Accept", "text/event-stream")
                .get()
                .build())));
    }
}
