package dev.tododesktop.server.events;

import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;
import dev.tododesktop.server.auth.Principal;
import dev.tododesktop.server.sync.Cursor;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open {@code /events} connection. Sends are serialised by a lock and only ever announce a
 * newer sequence number than the last one sent, so events arrive in order and a change published
 * twice (locally and via NOTIFY) is announced once.
 */
final class EventStream {

    private final Principal principal;
    private final SseClient client;
    private final String authorization;
    private final long openedAt;
    private final ReentrantLock lock = new ReentrantLock();
    private long sentSeq = -1;

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

    void ready(long seq) {
        send(SyncEventType.READY, seq, true);
    }

    void changed(long seq) {
        send(SyncEventType.CHANGED, seq, false);
    }

    private void send(SyncEventType type, long seq, boolean always) {
        lock.lock();
        try {
            if (client.terminated() || (!always && seq <= sentSeq)) {
                return;
            }
            sentSeq = Math.max(sentSeq, seq);
            client.sendEvent(type.wire(), json(new CursorEvent(Cursor.encode(seq))));
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
