package dev.tododesktop.client.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** Binds settings.fxml to {@link SettingsViewModel}. */
public final class SettingsController {

    private final SettingsViewModel model;

    @FXML private RadioButton thisComputerChoice;
    @FXML private RadioButton remoteChoice;
    @FXML private TextField remoteUrlField;
    @FXML private Label settingsMessage;

    public SettingsController(SettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        var group = new ToggleGroup();
        thisComputerChoice.setToggleGroup(group);
        remoteChoice.setToggleGroup(group);
        thisComputerChoice.setSelected(model.useThisComputerProperty().get());
        remoteChoice.setSelected(!model.useThisComputerProperty().get());
        thisComputerChoice.selectedProperty().addListener((obs, was, now) -> model.useThisComputerProperty().set(now));
        remoteUrlField.textProperty().bindBidirectional(model.remoteUrlProperty());
        remoteUrlField.disableProperty().bind(thisComputerChoice.selectedProperty());
        settingsMessage.textProperty().bind(model.messageProperty());
    }

    @FXML
    private void apply() {
        model.apply();
    }
}
