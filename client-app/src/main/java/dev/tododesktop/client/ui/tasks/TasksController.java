package dev.tododesktop.client.ui.tasks;

import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.StatusFilter;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskSort;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds tasks.fxml to {@link TasksViewModel} and {@link TaskEditorViewModel}; no state of its own. */
public final class TasksController {

    private static final String ALL_TAGS = "All tags";

    private final TasksViewModel model;
    private final TaskEditorViewModel editor;

    @FXML private TextField quickAddField;
    @FXML private TextField searchField;
    @FXML private ToggleButton allFilter;
    @FXML private ToggleButton activeFilter;
    @FXML private ToggleButton completedFilter;
    @FXML private ToggleButton overdueFilter;
    @FXML private ComboBox<String> tagChoice;
    @FXML private ComboBox<TaskSort> sortChoice;
    @FXML private ToggleButton descendingToggle;
    @FXML private ListView<Task> taskList;
    @FXML private Label leftLabel;
    @FXML private Button clearCompletedButton;
    @FXML private HBox undoBar;
    @FXML private Label undoLabel;
    @FXML private Label messageLabel;
    @FXML private VBox detailPane;
    @FXML private Label detailPlaceholder;
    @FXML private TextField titleField;
    @FXML private TextArea descriptionArea;
    @FXML private ComboBox<Priority> priorityChoice;
    @FXML private TextField tagsField;
    @FXML private DatePicker dueDatePicker;
    @FXML private Label detailError;

    private final Runnable openConflicts;

    @FXML private Button conflictsButton;

    public TasksController(TasksViewModel model, TaskEditorViewModel editor, Runnable openConflicts) {
        this.model = model;
        this.editor = editor;
        this.openConflicts = openConflicts;
    }

    @FXML
    private void initialize() {
        quickAddField.textProperty().bindBidirectional(model.quickAddTextProperty());
        searchField.textProperty().bindBidirectional(model.searchProperty());

        var filters = new ToggleGroup();
        bindFilter(filters, allFilter, StatusFilter.ALL);
        bindFilter(filters, activeFilter, StatusFilter.ACTIVE);
        bindFilter(filters, completedFilter, StatusFilter.COMPLETED);
        bindFilter(filters, overdueFilter, StatusFilter.OVERDUE);
        allFilter.setSelected(true);
        filters.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one filter is always on
            }
        });

        tagChoice.getItems().setAll(ALL_TAGS);
        model.tags().addListener((ListChangeListener<String>) c -> {
            String chosen = model.tagProperty().get().orElse(ALL_TAGS);
            tagChoice.getItems().setAll(ALL_TAGS);
            tagChoice.getItems().addAll(model.tags());
            tagChoice.setValue(tagChoice.getItems().contains(chosen) ? chosen : ALL_TAGS);
        });
        tagChoice.setValue(ALL_TAGS);
        tagChoice.valueProperty().addListener((obs, was, now) ->
                model.tagProperty().set(now == null || now.equals(ALL_TAGS) ? Optional.empty() : Optional.of(now)));

        sortChoice.getItems().setAll(TaskSort.values());
        sortChoice.setConverter(named(TaskSort::name, "Sort: "));
        sortChoice.valueProperty().bindBidirectional(model.sortProperty());
        descendingToggle.selectedProperty().addListener((obs, was, now) -> model.descendingProperty().set(now));
        descendingToggle.textProperty().bind(Bindings.when(descendingToggle.selectedProperty()).then("↓").otherwise("↑"));

        taskList.setItems(model.tasks());
        taskList.setEditable(true);
        taskList.setCellFactory(list -> new TaskCell(model.clock(), model.zone(), model::toggleCompleted, model::rename));
        taskList.setPlaceholder(new Label("Nothing here. Type a task above and press Enter."));
        taskList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == null && indexOfEdited() >= 0) {
                return; // the list was re-read; the edited task is still there and is reselected below
            }
            editor.show(Optional.ofNullable(now));
        });
        model.tasks().addListener((ListChangeListener<Task>) change -> {
            int index = indexOfEdited();
            if (index >= 0) {
                taskList.getSelectionModel().select(index);
            } else if (editor.taskProperty().get().isPresent()) {
                editor.show(Optional.empty());
            }
        });
        // A filter, not a handler: the list's own behaviour takes SPACE for selection first.
        taskList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Task selected = taskList.getSelectionModel().getSelectedItem();
            if (selected == null || taskList.getEditingIndex() >= 0) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> { model.toggleCompleted(selected); e.consume(); }
                case DELETE -> { model.delete(selected); e.consume(); }
                case ENTER -> { taskList.edit(taskList.getSelectionModel().getSelectedIndex()); e.consume(); }
                default -> { }
            }
        });

        leftLabel.textProperty().bind(model.leftTextProperty());
        clearCompletedButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.countsProperty().get().completed() == 0, model.countsProperty()));
        var hasUndo = Bindings.createBooleanBinding(() -> model.undoProperty().get().isPresent(), model.undoProperty());
        undoBar.visibleProperty().bind(hasUndo);
        undoBar.managedProperty().bind(hasUndo);
        undoLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.undoProperty().get().map(TasksViewModel.Undo::message).orElse(""), model.undoProperty()));
        messageLabel.textProperty().bind(model.messageProperty());
        var hasConflicts = model.openConflictsProperty().greaterThan(0);
        conflictsButton.visibleProperty().bind(hasConflicts);
        conflictsButton.managedProperty().bind(hasConflicts);
        conflictsButton.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.openConflictsProperty().get();
            return n == 1 ? "1 conflict to review" : n + " conflicts to review";
        }, model.openConflictsProperty()));

        detailPane.visibleProperty().bind(editor.editingProperty());
        detailPane.managedProperty().bind(editor.editingProperty());
        detailPlaceholder.visibleProperty().bind(editor.editingProperty().not());
        detailPlaceholder.managedProperty().bind(editor.editingProperty().not());
        titleField.textProperty().bindBidirectional(editor.titleProperty());
        descriptionArea.textProperty().bindBidirectional(editor.descriptionProperty());
        priorityChoice.getItems().setAll(Priority.values());
        priorityChoice.setConverter(named(Priority::name, ""));
        priorityChoice.valueProperty().bindBidirectional(editor.priorityProperty());
        tagsField.textProperty().bindBidirectional(editor.tagsTextProperty());
        dueDatePicker.valueProperty().bindBidirectional(editor.dueDateProperty());
        detailError.textProperty().bind(editor.errorProperty());

        // The view may be built off the FX thread; shortcuts and focus wait until it is on screen.
        quickAddField.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                                javafx.scene.Scene was, javafx.scene.Scene scene) {
                if (scene != null) {
                    obs.removeListener(this);
                    installShortcuts(scene);
                }
            }
        });
    }

    /**
     * Before the screen is shown and while no task is in it: has the list build its row cells
     * now, on sample rows nobody sees, then gives it back its real (empty) rows. The first sync
     * then lands 10,000 tasks in rows that only need filling, instead of building every visible
     * row, its controls and their styles in one frame. Call on the FX thread; lays the list out.
     */
    public void prepareRows() {
        if (!model.tasks().isEmpty()) {
            return;
        }
        var now = model.clock().instant();
        var samples = javafx.collections.FXCollections.<Task>observableArrayList();
        for (int i = 0; i < SAMPLE_ROWS; i++) {
            samples.add(new Task(java.util.UUID.randomUUID(), "Sample " + i, "", false, Optional.empty(), Priority.HIGH,
                    java.util.List.of("sample"), Optional.of(now), now, now, java.util.OptionalLong.empty()));
        }
        taskList.setItems(samples);
        taskList.applyCss();
        taskList.layout();
        taskList.setItems(model.tasks());
    }

    /** More than a tall window shows; the list builds cells only for the rows in view. */
    private static final int SAMPLE_ROWS = 60;

    private void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), quickAddField::requestFocus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), searchField::requestFocus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undo);
        Platform.runLater(quickAddField::requestFocus);
    }

    private int indexOfEdited() {
        var id = editor.taskProperty().get().map(Task::id);
        if (id.isEmpty()) {
            return -1;
        }
        var items = model.tasks();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id.get())) {
                return i;
            }
        }
        return -1;
    }

    private void bindFilter(ToggleGroup group, ToggleButton button, StatusFilter filter) {
        button.setToggleGroup(group);
        button.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.filterProperty().set(filter);
            }
        });
    }

    private static <T> StringConverter<T> named(java.util.function.Function<T, String> name, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                if (value == null) {
                    return "";
                }
                String n = name.apply(value).replace('_', ' ').toLowerCase(Locale.ROOT);
                return prefix + Character.toUpperCase(n.charAt(0)) + n.substring(1);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    @FXML
    private void quickAdd() {
        model.quickAdd();
    }

    @FXML
    private void openConflicts() {
        openConflicts.run();
    }

    @FXML
    private void clearCompleted() {
        model.clearCompleted();
    }

    @FXML
    private void undo() {
        model.undo();
    }

    @FXML
    private void saveDetails() {
        editor.save();
    }
}
