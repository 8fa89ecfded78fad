package dev.tododesktop.client.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** Binds settings.fxml to {@link SettingsViewModel}. */
public final class SettingsController {

    private final SettingsViewModel model;

    @FXML private Label currentServerLabel;
    @FXML private RadioButton thisComputerChoice;
    @FXML private RadioButton remoteChoice;
    @FXML private TextField remoteUrlField;
    @FXML private Button applySettingsButton;
    @FXML private Button cancelSwitchButton;
    @FXML private Label settingsMessage;

    public SettingsController(SettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        currentServerLabel.setText("The app syncs with " + model.currentServer() + ".");
        var group = new ToggleGroup();
        thisComputerChoice.setToggleGroup(group);
        remoteChoice.setToggleGroup(group);
        thisComputerChoice.setSelected(model.useThisComputerProperty().get());
        remoteChoice.setSelected(!model.useThisComputerProperty().get());
        thisComputerChoice.selectedProperty().addListener((obs, was, now) -> model.useThisComputerProperty().set(now));
        remoteUrlField.textProperty().bindBidirectional(model.remoteUrlProperty());
        remoteUrlField.disableProperty().bind(thisComputerChoice.selectedProperty());
        settingsMessage.textProperty().bind(model.messageProperty());
        applySettingsButton.textProperty().bind(Bindings.when(model.confirmingProperty())
                .then("Switch anyway").otherwise("Check and switch"));
        applySettingsButton.disableProperty().bind(model.busyProperty());
        cancelSwitchButton.visibleProperty().bind(model.confirmingProperty());
        cancelSwitchButton.managedProperty().bind(model.confirmingProperty());
    }

    @FXML
    private void apply() {
        model.apply();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
