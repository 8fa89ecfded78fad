package dev.tododesktop.store.tasks;

import static dev.tododesktop.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.testing.MutableClock;
import dev.tododesktop.store.session.StoreFixture;
import dev.tododesktop.store.session.UserStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskQueriesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // 05:00 in Berlin on 2026-11-24.
    static final Instant NOW = T0;

    @TempDir
    Path dir;
    MutableClock clock;
    UserStore store;
    TaskQuery all;

    @BeforeEach
    void open() {
        clock = StoreFixture.clock();
        store = StoreFixture.open(dir, clock);
        all = TaskQuery.of(NOW, BERLIN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Task add(TaskEdit edit) {
        clock.advance(Duration.ofSeconds(1));
        return store.edits().create(edit);
    }

    private List<String> titles(TaskQuery q) {
        return store.tasks().list(q).stream().map(Task::title).toList();
    }

    @Test
    void statusFiltersUseTheGivenNowAndZone() {
        add(TaskEdit.none().title("overdue").dueAt(NOW.minus(Duration.ofHours(1))));
        add(TaskEdit.none().title("later today").dueAt(NOW.plus(Duration.ofHours(10))));   // 15:00 Berlin
        add(TaskEdit.none().title("tomorrow").dueAt(NOW.plus(Duration.ofHours(20))));      // 01:00 next day
        add(TaskEdit.none().title("done late").dueAt(NOW.minus(Duration.ofDays(3))).completed(true));
        add(TaskEdit.none().title("no due"));

        assertThat(titles(all.withStatus(StatusFilter.ACTIVE)))
                .containsExactly("overdue", "later today", "tomorrow", "no due");
        assertThat(titles(all.withStatus(StatusFilter.COMPLETED))).containsExactly("done late");
        assertThat(titles(all.withStatus(StatusFilter.OVERDUE))).containsExactly("overdue");
        assertThat(titles(all.withStatus(StatusFilter.DUE_TODAY))).containsExactly("overdue", "later today");
        // Same instant, a zone where it is still yesterday evening (20:00 on the 23rd).
        assertThat(titles(TaskQuery.of(NOW, ZoneId.of("America/Los_Angeles")).withStatus(StatusFilter.DUE_TODAY)))
                .containsExactly("overdue");

        assertThat(store.tasks().counts(NOW, BERLIN)).isEqualTo(new TaskCounts(5, 4, 1, 1, 2));
    }

    @Test
    void theOverdueFilterAndCountMeanWhatTaskIsOverdueSays() {
        add(TaskEdit.none().title("an hour late").dueAt(NOW.minus(Duration.ofHours(1))));
        add(TaskEdit.none().title("due this instant").dueAt(NOW));
        add(TaskEdit.none().title("a millisecond late").dueAt(NOW.minusMillis(1)));
        add(TaskEdit.none().title("later").dueAt(NOW.plus(Duration.ofMinutes(1))));
        add(TaskEdit.none().title("done late").dueAt(NOW.minus(Duration.ofDays(3))).completed(true));
        add(TaskEdit.none().title("no due"));

        List<String> byJava = store.tasks().list(all).stream().filter(t -> t.isOverdue(NOW)).map(Task::title).toList();
        assertThat(byJava).containsExactly("an hour late", "a millisecond late");
        assertThat(titles(all.withStatus(StatusFilter.OVERDUE))).isEqualTo(byJava);
        assertThat(store.tasks().counts(NOW, BERLIN).overdue()).isEqualTo(byJava.size());
    }

    @Test
    void tagAndPriorityFilters() {
        add(TaskEdit.none().title("a").tags(List.of("Work", "urgent")).priority(Priority.HIGH));
        add(TaskEdit.none().title("b").tags(List.of("work")).priority(Priority.LOW));
        add(TaskEdit.none().title("c").tags(List.of("home")));

        assertThat(titles(all.withTag("WORK"))).containsExactly("a", "b");
        assertThat(titles(all.withTag("work").withPriority(Priority.HIGH))).containsExactly("a");
        assertThat(titles(all.withPriority(Priority.NONE))).containsExactly("c");
        assertThat(store.tasks().tags()).containsExactly("home", "urgent", "Work");
    }

    @Test
    void searchIsCaseInsensitiveUnicodeAwareAndLiteral() {
        add(TaskEdit.none().title("Straße fegen").description("ÄRGER vermeiden"));
        add(TaskEdit.none().title("100% done").description("with_underscore"));
        add(TaskEdit.none().title("1000 done").description("withXunderscore"));
        add(TaskEdit.none().title("Привет мир"));
        add(TaskEdit.none().title("emoji 🎉 party"));
        add(TaskEdit.none().title("שלום עולם"));
        add(TaskEdit.none().title("back\\slash"));

        assertThat(titles(all.withSearch("STRASSE"))).isEmpty(); // no folding beyond lowercase
        assertThat(titles(all.withSearch("straße"))).containsExactly("Straße fegen");
        assertThat(titles(all.withSearch("ärger"))).containsExactly("Straße fegen");
        assertThat(titles(all.withSearch("0%"))).containsExactly("100% done");
        assertThat(titles(all.withSearch("h_u"))).containsExactly("100% done");
        assertThat(titles(all.withSearch("%"))).containsExactly("100% done");
        assertThat(titles(all.withSearch("ПРИВЕТ"))).containsExactly("Привет мир");
        assertThat(titles(all.withSearch("🎉"))).containsExactly("emoji 🎉 party");
        assertThat(titles(all.withSearch("עולם"))).containsExactly("שלום עולם");
        assertThat(titles(all.withSearch("k\\s"))).containsExactly("back\\slash");
        assertThat(titles(all.withSearch("   "))).hasSize(7);
    }

    @Test
    void longAndQuotedTextIsSearchable() {
        String longText = "a".repeat(9_990) + "needle'\"";
        add(TaskEdit.none().title("long").description(longText));
        add(TaskEdit.none().title("O'Brien \"quoted\""));

        assertThat(titles(all.withSearch("NEEDLE'\""))).containsExactly("long");
        assertThat(titles(all.withSearch("o'brien \"q"))).containsExactly("O'Brien \"quoted\"");
    }

    @Test
    void sorts() {
        Task b = add(TaskEdit.none().title("banana").priority(Priority.LOW).dueAt(NOW.plus(Duration.ofDays(2))));
        Task a = add(TaskEdit.none().title("Apple").priority(Priority.HIGH));
        add(TaskEdit.none().title("cherry").priority(Priority.MEDIUM).dueAt(NOW.plus(Duration.ofDays(1))));
        clock.advance(Duration.ofMinutes(5));
        store.edits().update(b.id(), TaskEdit.none().description("touched"));
        clock.advance(Duration.ofMinutes(1));
        store.edits().update(a.id(), TaskEdit.none().description("touched"));

        assertThat(titles(all)).containsExactly("banana", "Apple", "cherry");
        assertThat(titles(all.sortedBy(TaskSort.CREATED, true))).containsExactly("cherry", "Apple", "banana");
        assertThat(titles(all.sortedBy(TaskSort.TITLE, false))).containsExactly("Apple", "banana", "cherry");
        assertThat(titles(all.sortedBy(TaskSort.TITLE, true))).containsExactly("cherry", "banana", "Apple");
        assertThat(titles(all.sortedBy(TaskSort.DUE_DATE, false))).containsExactly("cherry", "banana", "Apple");
        assertThat(titles(all.sortedBy(TaskSort.DUE_DATE, true))).containsExactly("banana", "cherry", "Apple");
        assertThat(titles(all.sortedBy(TaskSort.PRIORITY, true))).containsExactly("Apple", "cherry", "banana");
        assertThat(titles(all.sortedBy(TaskSort.UPDATED, true))).containsExactly("Apple", "banana", "cherry");
    }

    @Test
    void pagesAreWindowsOfTheSortedList() {
        for (String t : List.of("a", "b", "c", "d", "e")) {
            add(TaskEdit.none().title(t));
        }
        TaskQuery byTitle = all.sortedBy(TaskSort.TITLE, true);
        assertThat(titles(byTitle.page(2, 0))).containsExactly("e", "d");
        assertThat(titles(byTitle.page(2, 2))).containsExactly("c", "b");
        assertThat(titles(byTitle.page(2, 4))).containsExactly("a");
        assertThat(store.tasks().count(byTitle.page(2, 4))).isEqualTo(5);
    }

    @Test
    void countMatchesList() {
        add(TaskEdit.none().title("x").tags(List.of("t")));
        add(TaskEdit.none().title("y"));
        TaskQuery q = all.withTag("t");
        assertThat(store.tasks().count(q)).isEqualTo(store.tasks().list(q).size()).isEqualTo(1);
    }
}
