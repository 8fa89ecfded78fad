package dev.tododesktop.client.api;

import dev.tododesktop.client.Done;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;

/** Receives the {@code /events} stream, on the stream's own thread. */
public interface SyncEventListener {

    /** {@code ready} once after connecting, then {@code changed} whenever this user's tasks change. */
    void onEvent(SyncEventType type, CursorEvent event);

    /**
     * The stream ended without the client closing it: {@link ApiResult.Ok} when the server ended
     * it, otherwise why ({@link ApiResult.Offline}, {@link ApiResult.Unauthorized} after the
     * session ended, ...). Reconnecting is the caller's decision.
     */
    void onClosed(ApiResult<Done> outcome);
}
