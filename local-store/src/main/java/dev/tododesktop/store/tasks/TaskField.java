package dev.tododesktop.store.tasks;

import java.util.Locale;

/** The editable task fields, named as the API names them ({@link #wireName()}). */
public enum TaskField {
    TITLE, DESCRIPTION, COMPLETED, PRIORITY, TAGS, DUE_AT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskField fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
