package dev.tododesktop.client.ui.tasks;

import dev.tododesktop.store.tasks.Task;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ObservableList;

/**
 * How to turn the list on screen into freshly read rows with the least work on the FX thread,
 * worked out on the io thread: nothing when they are equal, single replacements when only some
 * tasks changed in place (which also keeps the selection and the scroll position), and a full
 * replacement otherwise.
 */
sealed interface ListUpdate {

    record Unchanged() implements ListUpdate {}

    record Replace(int[] indices) implements ListUpdate {}

    record ReplaceAll() implements ListUpdate {}

    /** Beyond this many changed rows one full replacement is cheaper than many single ones. */
    int MAX_SINGLE_REPLACEMENTS = 64;

    static ListUpdate between(List<Task> before, List<Task> after) {
        if (before.size() != after.size()) {
            return new ReplaceAll();
        }
        int[] changed = IntStream.range(0, after.size())
                .filter(i -> !before.get(i).equals(after.get(i)))
                .limit(MAX_SINGLE_REPLACEMENTS + 1L)
                .toArray();
        if (changed.length == 0) {
            return new Unchanged();
        }
        if (changed.length > MAX_SINGLE_REPLACEMENTS
                || IntStream.of(changed).anyMatch(i -> !before.get(i).id().equals(after.get(i).id()))) {
            return new ReplaceAll();
        }
        return new Replace(changed);
    }

    /**
     * On the FX thread, to a list that still holds what {@link #between} was given as
     * {@code before}; {@code rows} is what it was given as {@code after}.
     */
    default void applyTo(ObservableList<Task> shownList, List<Task> rows) {
        switch (this) {
            case Unchanged u -> { }
            case Replace r -> {
                for (int i : r.indices()) {
                    shownList.set(i, rows.get(i));
                }
            }
            case ReplaceAll a -> shownList.setAll(rows);
        }
    }
}
