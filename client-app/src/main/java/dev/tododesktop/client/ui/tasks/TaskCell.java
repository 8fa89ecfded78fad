package dev.tododesktop.client.ui.tasks;

import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One row of the virtualised task list: done box, title (double-click or Enter edits it in
 * place, Esc cancels), and a line with the due date, priority and tags. Overdue and due-today
 * rows carry style classes so the theme can mark them.
 */
final class TaskCell extends ListCell<Task> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<Task> onToggle;
    private final BiConsumer<Task, String> onRename;

    private final CheckBox done = new CheckBox();
    private final Label title = new Label();
    private final Label due = new Label();
    private final Label priority = new Label();
    private final Label tags = new Label();
    // Made on the first edit: most rows are never renamed, and a list fills many rows at once.
    private TextField titleEditor;
    private final HBox meta = new HBox(8, due, priority, tags);
    private final VBox text = new VBox(2, title, meta);
    private final HBox row = new HBox(10, done, text);

    TaskCell(Clock clock, ZoneId zone, Consumer<Task> onToggle, BiConsumer<Task, String> onRename) {
        this.clock = clock;
        this.zone = zone;
        this.onToggle = onToggle;
        this.onRename = onRename;
        getStyleClass().add("task-cell");
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        title.getStyleClass().add("task-title");
        due.getStyleClass().add("task-due");
        priority.getStyleClass().add("task-priority");
        tags.getStyleClass().add("task-tags");
        done.setFocusTraversable(false);
        done.setOnAction(e -> {
            if (getItem() != null) {
                onToggle.accept(getItem());
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                getListView().edit(getIndex());
            }
        });
    }

    @Override
    protected void updateItem(Task task, boolean empty) {
        super.updateItem(task, empty);
        getStyleClass().removeAll("completed", "overdue", "due-today");
        if (empty || task == null) {
            setGraphic(null);
            setText(null);
            setAccessibleText(null);
            return;
        }
        done.setSelected(task.completed());
        done.setAccessibleText((task.completed() ? "Mark not done: " : "Mark done: ") + task.title());
        title.setText(task.title());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var dueDay = task.dueAt().map(d -> LocalDate.ofInstant(d, zone));
        String dueText = dueDay.map(day -> {
            if (task.isOverdue(clock.instant())) {
                getStyleClass().add("overdue");
                return "Overdue · " + DAY.format(day);
            }
            if (day.equals(today)) {
                getStyleClass().add("due-today");
                return "Due today";
            }
            return "Due " + DAY.format(day);
        }).orElse("");
        due.setText(dueText);
        due.setVisible(!dueText.isEmpty());
        due.setManaged(!dueText.isEmpty());
        priority.setText(task.priority() == Priority.NONE ? "" : "Priority: " + task.priority().name().toLowerCase(java.util.Locale.ROOT));
        priority.setVisible(task.priority() != Priority.NONE);
        priority.setManaged(task.priority() != Priority.NONE);
        tags.setText(task.tags().isEmpty() ? "" : "#" + String.join("  #", task.tags()));
        meta.setVisible(!dueText.isEmpty() || task.priority() != Priority.NONE || !task.tags().isEmpty());
        meta.setManaged(meta.isVisible());
        if (task.completed()) {
            getStyleClass().add("completed");
        }
        setAccessibleText(task.title() + (task.completed() ? ", done" : "") + (dueText.isEmpty() ? "" : ", " + dueText));
        text.getChildren().set(0, isEditing() ? titleEditor() : title);
        setGraphic(row);
        setText(null);
    }

    private TextField titleEditor() {
        if (titleEditor == null) {
            titleEditor = new TextField();
            titleEditor.setAccessibleText("Edit title");
            titleEditor.setOnAction(e -> commitTitle());
            titleEditor.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
            titleEditor.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && isEditing()) {
                    commitTitle();
                }
            });
        }
        return titleEditor;
    }

    @Override
    public void startEdit() {
        if (getItem() == null) {
            return;
        }
        super.startEdit();
        var editor = titleEditor();
        editor.setText(getItem().title());
        text.getChildren().set(0, editor);
        editor.requestFocus();
        editor.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        text.getChildren().set(0, title);
        getListView().requestFocus();
    }

    private void commitTitle() {
        Task task = getItem();
        String newTitle = titleEditor.getText();
        cancelEdit();
        if (task != null) {
            onRename.accept(task, newTitle);
        }
    }
}
