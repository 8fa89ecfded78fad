package dev.tododesktop.client.ui.shell;

import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks what to do with unsynced changes before signing out. Never discards without this question. */
public final class UnsyncedChangesDialog {

    static final ButtonType SYNC_NOW = new ButtonType("Sync now", ButtonBar.ButtonData.YES);
    static final ButtonType KEEP = new ButtonType("Keep for later", ButtonBar.ButtonData.NO);
    static final ButtonType DISCARD = new ButtonType("Discard changes", ButtonBar.ButtonData.OTHER);

    private UnsyncedChangesDialog() {}

    /** Must be called on the FX thread; completes there. */
    public static CompletableFuture<SignOutChoice> ask(Window owner) {
        var alert = new Alert(Alert.AlertType.WARNING, null, SYNC_NOW, KEEP, DISCARD, ButtonType.CANCEL);
        alert.initOwner(owner);
        dev.tododesktop.client.ui.WindowPlacement.centreOnOwner(owner, alert);
        alert.setTitle("Unsynced changes");
        alert.setHeaderText("Some changes have not reached the server yet.");
        alert.setContentText("Keep them on this computer to send them the next time you sign in, "
                + "or discard them and go back to the server's version of your tasks.");
        var answer = new CompletableFuture<SignOutChoice>();
        alert.setOnHidden(e -> {
            ButtonType result = alert.getResult();
            answer.complete(result == SYNC_NOW ? SignOutChoice.SYNC_NOW
                    : result == KEEP ? SignOutChoice.KEEP_FOR_LATER
                    : result == DISCARD ? SignOutChoice.DISCARD
                    : SignOutChoice.CANCEL);
        });
        alert.show();
        return answer;
    }
}
