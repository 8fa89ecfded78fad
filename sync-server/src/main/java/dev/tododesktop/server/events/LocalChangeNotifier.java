package dev.tododesktop.server.events;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** One process owns the database (SQLite): publish in-process once the change is committed. */
public final class LocalChangeNotifier implements ChangeNotifier {

    private final ChangeHub hub;

    public LocalChangeNotifier(ChangeHub hub) {
        this.hub = hub;
    }

    @Override
    public void beforeCommit(Handle handle, UUID userId, Cursor newest) {}

    @Override
    public void afterCommit(UUID userId, Cursor newest) {
        hub.publish(userId, newest);
    }
}
