package dev.tododesktop.client.ui.account;

import dev.tododesktop.contract.auth.SessionView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Binds account.fxml to {@link AccountViewModel}. */
public final class AccountController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final AccountViewModel model;

    @FXML private ListView<SessionView> sessionList;
    @FXML private Label sessionsMessage;
    @FXML private PasswordField currentPasswordField;
    @FXML private Label currentPasswordError;
    @FXML private PasswordField newPasswordField;
    @FXML private Label newPasswordError;
    @FXML private Label passwordMessage;

    public AccountController(AccountViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        sessionList.setItems(model.sessions());
        sessionList.setCellFactory(list -> new SessionCell());
        sessionList.setPlaceholder(new Label("Loading devices…"));
        sessionsMessage.textProperty().bind(model.sessionsMessageProperty());
        currentPasswordField.textProperty().bindBidirectional(model.currentPasswordProperty());
        newPasswordField.textProperty().bindBidirectional(model.newPasswordProperty());
        bindMessage(currentPasswordError, model.currentPasswordErrorProperty());
        bindMessage(newPasswordError, model.newPasswordErrorProperty());
        passwordMessage.textProperty().bind(model.passwordMessageProperty());
        model.loadSessions();
    }

    /** The message's line is kept when it is empty, so the form does not move as messages come and go. */
    private static void bindMessage(Label label, javafx.beans.value.ObservableStringValue message) {
        label.textProperty().bind(message);
    }

    @FXML
    private void forgetDevice() {
        var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "This signs you out and deletes your tasks from this computer, including changes that have not "
                        + "reached the server yet. Your tasks stay on the server and on your other devices.",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.setHeaderText("Forget this device?");
        confirm.initOwner(sessionList.getScene().getWindow());
        dev.tododesktop.client.ui.WindowPlacement.centreOnOwner(sessionList.getScene().getWindow(), confirm);
        confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> model.forgetDevice());
    }

    @FXML
    private void changePassword() {
        model.changePassword();
    }

    /** A device: its name and dates wrap to the list's width, the button keeps its own; never a horizontal scrollbar. */
    private final class SessionCell extends ListCell<SessionView> {
        /** The cell's padding, the gap before the button and the list's vertical scrollbar. */
        private static final double ROW_INSETS = 48;

        SessionCell() {
            // A cell asks for no width of its own: it takes the list's, and its text wraps in it.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SessionView session, boolean empty) {
            super.updateItem(session, empty);
            if (empty || session == null) {
                setGraphic(null);
                return;
            }
            String name = session.deviceName() == null || session.deviceName().isBlank() ? "Unnamed device" : session.deviceName();
            var title = new Label(name + (session.current() ? "  (this device)" : ""));
            title.setWrapText(true);
            var detail = new Label("Last used " + WHEN.format(session.lastUsedAt()) + " · signed in "
                    + SINCE.format(session.createdAt()));
            detail.getStyleClass().add("field-hint");
            detail.setWrapText(true);
            var revoke = new Button(session.current() ? "Sign out" : "Sign out device");
            var text = new VBox(2, title, detail);
            text.setMinWidth(0);
            // Wrapped text needs its width before its height: the row's width less the button's.
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(revoke.widthProperty()).subtract(ROW_INSETS));
            HBox.setHgrow(text, Priority.ALWAYS);
            revoke.setAccessibleText("Sign out " + name);
            revoke.setMinWidth(Region.USE_PREF_SIZE);
            revoke.setOnAction(e -> model.revoke(session));
            var row = new HBox(8, text, revoke);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
