package dev.tododesktop.client.ui.conflicts;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds conflicts.fxml: each conflict with both values and a button to keep either. */
public final class ConflictsController {

    private final ConflictsViewModel model;

    @FXML private ListView<ConflictsViewModel.Row> conflictList;

    public ConflictsController(ConflictsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        conflictList.setItems(model.rows());
        conflictList.setPlaceholder(new Label("No conflicts. Everything is in sync."));
        conflictList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictsViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                var heading = new Label("“" + row.taskTitle() + "” — " + row.fieldLabel());
                heading.getStyleClass().add("title-4");
                var mine = new Button("Keep mine: " + row.mine());
                mine.setAccessibleText("Keep this computer's " + row.fieldLabel() + ": " + row.mine());
                mine.setOnAction(e -> model.keepMine(row));
                var theirs = new Button("Keep other device's: " + row.theirs());
                theirs.setAccessibleText("Keep the server's " + row.fieldLabel() + ": " + row.theirs());
                theirs.setOnAction(e -> model.keepTheirs(row));
                setGraphic(new VBox(6, heading, new HBox(8, mine, theirs)));
            }
        });
        model.load();
    }
}
