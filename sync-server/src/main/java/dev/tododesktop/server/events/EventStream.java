package dev.tododesktop.server.events;

import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;
import dev.tododesktop.server.auth.Principal;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open {@code /events} connection. Sends are serialised by a lock, {@code ready} always comes
 * first, and {@code changed} only ever announces a newer sequence number than the last one sent,
 * so events arrive in order and a change published twice (locally and via NOTIFY) is announced once.
 */
final class EventStream {

    private final Principal principal;
    private final SseClient client;
    private final String authorization;
    private final long openedAt;
    private final ReentrantLock lock = new ReentrantLock();
    private long sentSeq = -1;
    private boolean readySent;
    private Cursor heldBack;

    EventStream(Principal principal, SseClient client, String authorization, long openedAt) {
        this.principal = principal;
        this.client = client;
        this.authorization = authorization;
        this.openedAt = openedAt;
    }

    Principal principal() {
        return principal;
    }

    SseClient client() {
        return client;
    }

    /** The Authorization header the stream was opened with, re-checked while it stays open. */
    String authorization() {
        return authorization;
    }

    long openedAt() {
        return openedAt;
    }

    /**
     * The first event of every stream (docs/api.md). A change announced before it (a NOTIFY of a
     * write made just before the stream opened can overtake the cursor look-up) is held back and
     * sent right after it, and only if it is newer than the ready cursor.
     */
    void ready(Cursor newest) {
        lock.lock();
        try {
            if (client.terminated()) {
                return;
            }
            readySent = true;
            sentSeq = Math.max(sentSeq, newest.seq());
            client.sendEvent(SyncEventType.READY.wire(), json(new CursorEvent(newest.encode())));
            if (heldBack != null && heldBack.seq() > sentSeq) {
                sentSeq = heldBack.seq();
                client.sendEvent(SyncEventType.CHANGED.wire(), json(new CursorEvent(heldBack.encode())));
            }
            heldBack = null;
        } finally {
            lock.unlock();
        }
    }

    void changed(Cursor newest) {
        lock.lock();
        try {
            if (client.terminated()) {
                return;
            }
            if (!readySent) {
                if (heldBack == null || newest.seq() > heldBack.seq()) {
                    heldBack = newest;
                }
                return;
            }
            if (newest.seq() <= sentSeq) {
                return;
            }
            sentSeq = newest.seq();
            client.sendEvent(SyncEventType.CHANGED.wire(), json(new CursorEvent(newest.encode())));
        } finally {
            lock.unlock();
        }
    }

    void heartbeat() {
        lock.lock();
        try {
            if (!client.terminated()) {
                client.sendComment("keep-alive");
            }
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            client.close();
        } finally {
            lock.unlock();
        }
    }

    private static String json(Object value) {
        try {
            return ApiJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
