package dev.tododesktop.store.tasks;

import java.util.Locale;

/** Task priority; {@link #rank()} orders none &lt; low &lt; medium &lt; high. */
public enum Priority {
    NONE, LOW, MEDIUM, HIGH;

    public int rank() {
        return ordinal();
    }

    /** The API's wire name ({@code "none"}, {@code "low"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    static Priority fromRank(int rank) {
        return values()[rank];
    }
}
