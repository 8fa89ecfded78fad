package dev.tododesktop.store.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a {@link TaskEdit} (or a tag list) as one TEXT column. Every value is
 * length-prefixed ({@code field=len:value}), so no user input can be mistaken for structure.
 */
public final class TaskEditCodec {
    private TaskEditCodec() {
    }

    public static String encode(TaskEdit edit) {
        StringBuilder out = new StringBuilder();
        for (TaskField field : edit.fields()) {
            String value = switch (field) {
                case TITLE -> edit.title().orElse("");
                case DESCRIPTION -> edit.description().orElse("");
                case COMPLETED -> edit.completed().orElse(false).toString();
                case PRIORITY -> edit.priority().orElse(Priority.NONE).wireName();
                case TAGS -> encodeTags(edit.tags().orElse(List.of()));
                case DUE_AT -> edit.dueAt().orElse(Optional.empty())
                        .map(d -> Long.toString(d.toEpochMilli())).orElse("");
            };
            out.append(field.wireName()).append('=');
            appendItem(out, value);
        }
        return out.toString();
    }

    public static TaskEdit decode(String text) {
        TaskEdit edit = TaskEdit.none();
        Reader reader = new Reader(text);
        while (reader.hasMore()) {
            TaskField field = TaskField.fromWireName(reader.until('='));
            String value = reader.item();
            edit = switch (field) {
                case TITLE -> edit.title(value);
                case DESCRIPTION -> edit.description(value);
                case COMPLETED -> edit.completed(Boolean.parseBoolean(value));
                case PRIORITY -> edit.priority(Priority.fromWireName(value));
                case TAGS -> edit.tags(decodeTags(value));
                case DUE_AT -> value.isEmpty()
                        ? edit.clearDueAt()
                        : edit.dueAt(Instant.ofEpochMilli(Long.parseLong(value)));
            };
        }
        return edit;
    }

    public static String encodeTags(List<String> tags) {
        StringBuilder out = new StringBuilder();
        tags.forEach(tag -> appendItem(out, tag));
        return out.toString();
    }

    public static List<String> decodeTags(String text) {
        List<String> tags = new ArrayList<>();
        Reader reader = new Reader(text);
        while (reader.hasMore()) {
            tags.add(reader.item());
        }
        return List.copyOf(tags);
    }

    private static void appendItem(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value);
    }

    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean hasMore() {
            return pos < text.length();
        }

        String until(char delimiter) {
            int end = text.indexOf(delimiter, pos);
            if (end < 0) {
                throw new IllegalArgumentException("malformed encoded edit at " + pos);
            }
            String token = text.substring(pos, end);
            pos = end + 1;
            return token;
        }

        String item() {
            int length = Integer.parseInt(until(':'));
            String value = text.substring(pos, pos + length);
            pos += length;
            return value;
        }
    }
}
