package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.ui.Theme;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** Binds shell.fxml (header and status line around the signed-in content) to {@link ShellViewModel}. */
public final class ShellController {

    private final ShellViewModel model;
    private final Parent content;

    @FXML private BorderPane root;
    @FXML private Label userLabel;
    @FXML private Label syncStatusLabel;
    @FXML private Button themeButton;
    @FXML private Button signOutButton;
    @FXML private Label busyLabel;
    @FXML private Label noticeLabel;

    public ShellController(ShellViewModel model, Parent content) {
        this.model = model;
        this.content = content;
    }

    @FXML
    private void initialize() {
        root.setCenter(content);
        userLabel.textProperty().bind(model.userLabelProperty());
        syncStatusLabel.textProperty().bind(model.syncStatusProperty());
        themeButton.textProperty().bind(Bindings.when(model.themeProperty().isEqualTo(Theme.LIGHT))
                .then("Dark theme").otherwise("Light theme"));
        busyLabel.textProperty().bind(model.busyMessageProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(model.noticeProperty().isNotEmpty());
        signOutButton.disableProperty().bind(model.busyMessageProperty().isNotEmpty());
    }

    @FXML
    private void toggleTheme() {
        model.toggleTheme();
    }

    @FXML
    private void openSettings() {
        model.openSettings();
    }

    @FXML
    private void openAccount() {
        model.openAccount();
    }

    @FXML
    private void signOut() {
        model.signOut();
    }
}
