package dev.tododesktop.store.outbox;

import java.util.Locale;

/** The sync API's mutation types; {@link #wireName()} is what goes into {@code "type"}. */
public enum MutationType {
    CREATE, UPDATE, DELETE, SET_COMPLETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MutationType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
