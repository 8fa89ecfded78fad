package dev.tododesktop.client.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

class ListUpdateTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static List<Task> tasks(int n) {
        return IntStream.range(0, n).mapToObj(i -> Task.created(UUID.randomUUID(), TaskEdit.none().title("t" + i), NOW)).toList();
    }

    static Task renamed(Task t) {
        return t.apply(TaskEdit.none().title(t.title() + "!"), NOW.plusSeconds(1));
    }

    @Test
    void equalListsNeedNothing() {
        var rows = tasks(5);
        assertThat(ListUpdate.between(rows, new ArrayList<>(rows))).isInstanceOf(ListUpdate.Unchanged.class);
    }

    @Test
    void tasksChangedInPlaceAreReplacedOneByOne() {
        var before = tasks(10);
        var after = new ArrayList<>(before);
        after.set(2, renamed(before.get(2)));
        after.set(9, renamed(before.get(9)));
        var update = ListUpdate.between(before, after);
        assertThat(update).isInstanceOfSatisfying(ListUpdate.Replace.class, r -> assertThat(r.indices()).containsExactly(2, 9));
        var shown = FXCollections.observableArrayList(before);
        update.applyTo(shown, after);
        assertThat(shown).containsExactlyElementsOf(after);
    }

    @Test
    void aDifferentSizeOrderOrTooManyChangesReplaceEverything() {
        var before = tasks(100);
        assertThat(ListUpdate.between(before, before.subList(0, 99))).isInstanceOf(ListUpdate.ReplaceAll.class);
        var swapped = new ArrayList<>(before);
        java.util.Collections.swap(swapped, 3, 4);
        assertThat(ListUpdate.between(before, swapped)).isInstanceOf(ListUpdate.ReplaceAll.class);
        var manyRenamed = before.stream().map(ListUpdateTest::renamed).toList();
        assertThat(ListUpdate.between(before, manyRenamed)).isInstanceOf(ListUpdate.ReplaceAll.class);
        var shown = FXCollections.observableArrayList(before);
        ListUpdate.between(before, manyRenamed).applyTo(shown, manyRenamed);
        assertThat(shown).containsExactlyElementsOf(manyRenamed);
    }
}
