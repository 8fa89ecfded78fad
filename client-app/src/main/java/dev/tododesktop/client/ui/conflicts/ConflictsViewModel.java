package dev.tododesktop.client.ui.conflicts;

import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.conflicts.Resolution;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Field conflicts sync could not settle: this device changed a field the server had changed
 * too. Shows both values and lets the user keep either; keeping theirs re-sends it.
 */
public final class ConflictsViewModel {

    /** One conflict as the dialog shows it. */
    public record Row(long id, String taskTitle, String fieldLabel, String mine, String theirs) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final UserStore store;
    private final Executor io;
    private final Executor ui;
    private final ZoneId zone;
    private final Runnable onResolved;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final dev.tododesktop.client.ui.NewestRead reads = new dev.tododesktop.client.ui.NewestRead();

    /** Rows read on io, with the ticket that orders them against other reads. */
    private record Read(long ticket, List<Row> rows) {}

    public ConflictsViewModel(UserStore store, Executor io, Executor ui, ZoneId zone, Runnable onResolved) {
        this.store = store;
        this.io = io;
        this.ui = ui;
        this.zone = zone;
        this.onResolved = onResolved;
    }

    /** Reads the open conflicts again; call it on opening and whenever sync may have changed them. */
    public CompletableFuture<Void> load() {
        return CompletableFuture.supplyAsync(this::readRows, io).thenAcceptAsync(this::land, ui);
    }

    public CompletableFuture<Void> keepMine(Row row) {
        return resolve(row, Resolution.KEEP_LOCAL);
    }

    public CompletableFuture<Void> keepTheirs(Row row) {
        return resolve(row, Resolution.KEEP_SERVER);
    }

    private CompletableFuture<Void> resolve(Row row, Resolution resolution) {
        return CompletableFuture.supplyAsync(() -> {
            store.conflicts().resolve(row.id(), resolution);
            return readRows();
        }, io).thenAcceptAsync(fresh -> {
            land(fresh);
            onResolved.run();
        }, ui);
    }

    private Read readRows() {
        long ticket = reads.start();
        return new Read(ticket, store.conflicts().open().stream().map(this::row).toList());
    }

    /** An older read landing late (io with more than one thread) never brings back a settled conflict. */
    private void land(Read read) {
        if (reads.land(read.ticket())) {
            rows.setAll(read.rows());
        }
    }

    private Row row(Conflict c) {
        String title = store.tasks().get(c.taskId()).map(Task::title).orElse("(deleted task)");
        return new Row(c.id(), title, label(c.field()), describe(c.field(), c.localValue()), describe(c.field(), c.serverValue()));
    }

    static String label(TaskField field) {
        return switch (field) {
            case TITLE -> "Title";
            case DESCRIPTION -> "Description";
            case COMPLETED -> "Done";
            case PRIORITY -> "Priority";
            case TAGS -> "Tags";
            case DUE_AT -> "Due date";
        };
    }

    String describe(TaskField field, TaskEdit value) {
        return switch (field) {
            case TITLE -> value.title().orElse("");
            case DESCRIPTION -> blankAsNone(value.description().orElse(""));
            case COMPLETED -> value.completed().orElse(false) ? "done" : "not done";
            case PRIORITY -> value.priority().orElse(dev.tododesktop.store.tasks.Priority.NONE).name().toLowerCase(Locale.ROOT);
            case TAGS -> blankAsNone(String.join(", ", value.tags().orElse(List.of())));
            case DUE_AT -> value.dueAt().orElse(java.util.Optional.empty())
                    .map(d -> DAY.format(d.atZone(zone).toLocalDate())).orElse("(no due date)");
        };
    }

    private static String blankAsNone(String s) {
        return s.isBlank() ? "(empty)" : s;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
