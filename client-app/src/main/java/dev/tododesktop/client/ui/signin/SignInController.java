package dev.tododesktop.client.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the sign-in / register FXML to its {@link SignInViewModel}; holds no state of its own. */
public final class SignInController {

    private final SignInViewModel model;

    @FXML private Label heading;
    @FXML private VBox nameGroup;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField emailField;
    @FXML private Label emailError;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordError;
    @FXML private Label passwordRules;
    @FXML private Label formError;
    @FXML private Button submitButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label switchPrompt;
    @FXML private Hyperlink switchLink;
    @FXML private javafx.scene.layout.HBox serverLine;
    @FXML private Label serverLabel;

    public SignInController(SignInViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        var registering = model.modeProperty().isEqualTo(SignInViewModel.Mode.REGISTER);
        heading.textProperty().bind(javafx.beans.binding.Bindings.when(registering)
                .then("Create your account").otherwise("Sign in to Todo"));
        submitButton.textProperty().bind(javafx.beans.binding.Bindings.when(registering)
                .then("Create account").otherwise("Sign in"));
        switchPrompt.textProperty().bind(javafx.beans.binding.Bindings.when(registering)
                .then("Already have an account?").otherwise("New here?"));
        switchLink.textProperty().bind(javafx.beans.binding.Bindings.when(registering)
                .then("Sign in").otherwise("Create an account"));
        nameGroup.visibleProperty().bind(registering);
        nameGroup.managedProperty().bind(registering);

        nameField.textProperty().bindBidirectional(model.nameProperty());
        emailField.textProperty().bindBidirectional(model.emailProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());

        bindMessage(nameError, model.nameErrorProperty());
        bindMessage(emailError, model.emailErrorProperty());
        bindMessage(passwordError, model.passwordErrorProperty());
        bindMessage(formError, model.formErrorProperty());
        passwordRules.setText(SignInViewModel.PASSWORD_RULES);
        passwordRules.visibleProperty().bind(model.passwordRulesVisibleProperty());
        passwordRules.managedProperty().bind(model.passwordRulesVisibleProperty());

        submitButton.disableProperty().bind(model.canSubmitProperty().not());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        nameField.disableProperty().bind(model.busyProperty());
        emailField.disableProperty().bind(model.busyProperty());
        passwordField.disableProperty().bind(model.busyProperty());
        switchLink.disableProperty().bind(model.busyProperty());

        serverLabel.textProperty().bind(javafx.beans.binding.Bindings.concat("Server: ", model.serverProperty()));
        serverLine.visibleProperty().bind(model.serverProperty().isNotEmpty());
        serverLine.managedProperty().bind(model.serverProperty().isNotEmpty());

        // After a failed attempt, put the cursor where the user has to act.
        model.emailErrorProperty().addListener((obs, was, now) -> focusIf(!now.isEmpty(), emailField));
        model.passwordErrorProperty().addListener((obs, was, now) -> focusIf(!now.isEmpty(), passwordField));
        model.formErrorProperty().addListener((obs, was, now) -> focusIf(!now.isEmpty(), passwordField));
        // An email filled in from the last sign-in here leaves only the password to type.
        Platform.runLater(() -> (emailField.getText().isBlank() ? emailField : passwordField).requestFocus());
    }

    /** The message's line is kept when it is empty, so the form does not move as messages come and go. */
    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue message) {
        label.textProperty().bind(message);
    }

    private static void focusIf(boolean condition, javafx.scene.Node node) {
        if (condition) {
            node.requestFocus();
        }
    }

    @FXML
    private void submit() {
        model.submit();
    }

    @FXML
    private void changeServer() {
        model.changeServer();
    }

    @FXML
    private void toggleMode() {
        model.toggleMode();
    }
}
