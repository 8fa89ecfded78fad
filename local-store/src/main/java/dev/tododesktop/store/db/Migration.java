package dev.tododesktop.store.db;

import java.util.List;

/** One schema step; {@code version} is the schema version after it ran. */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        statements = List.copyOf(statements);
    }
}
