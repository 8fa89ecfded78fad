package dev.tododesktop.client.app;

import static dev.tododesktop.client.app.RemoteAppHarness.serverTask;
import static dev.tododesktop.client.app.RemoteAppHarness.serverTitles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.contract.tasks.TaskUpdate;
import java.util.OptionalLong;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: the same field changed on two devices before they could sync. The app (offline) and
 * the phone (on the server) both rename one task; when the app reconnects the server reports the
 * conflict, the app says so, and the dialog shows both titles and keeps the one chosen.
 */
class ConflictDialogEndToEndTest extends RemoteAppTestBase {

    static final String ORIGINAL = "Plan the trip";
    static final String MINE = "Plan the trip to Lisbon";
    static final String THEIRS = "Plan the trip to Porto";


    @Test
    void aTitleChangedOnBothDevicesIsAskedAboutAndKeepMineLandsOnTheServer() throws Exception {
        String email = "conflict@example.com";
        app.register(email);
        app.quickAdd(ORIGINAL);
        app.waitForUi("\"" + ORIGINAL + "\" synced", app::synced);

        try (var phone = app.phone(email)) {
            var onServer = serverTask(phone, ORIGINAL);

            // This computer renames it while offline...
            app.network.cut();
            app.waitForUi("the app to notice it is offline", () -> app.status().startsWith("Offline"));
            app.select(ORIGINAL);
            app.waitForUi("the task's details", () -> app.present("#titleField")
                    && ORIGINAL.equals(app.robot.lookup("#titleField").queryAs(TextField.class).getText()));
            app.robot.interact(() -> app.robot.lookup("#titleField").queryAs(TextField.class).setText(MINE));
            app.robot.clickOn("#saveDetailsButton");
            app.waitForUi("the rename waiting offline", () -> app.shown(MINE) && app.status().contains("1 change waiting"));

            // ...and the phone renames it on the server meanwhile.
            var renamed = TaskApi.of(phone).update(onServer.id(), TaskUpdate.empty().withTitle(THEIRS),
                    OptionalLong.of(onServer.version()));
            assertThat(renamed).as("the phone's rename: %s", renamed).isInstanceOf(ApiResult.Ok.class);

            app.network.restore();
            app.waitForUi("the conflicts indicator", () -> app.present("#conflictsButton"));
            app.onFx(() -> {
                assertThat(app.robot.lookup("#conflictsButton").queryAs(Button.class).getText())
                        .isEqualTo("1 conflict to review");
                return null;
            });

            app.robot.clickOn("#conflictsButton");
            app.waitForUi("the conflicts dialog with one conflict", () -> app.present("#conflictList")
                    && app.robot.lookup("#conflictList").queryAs(ListView.class).getItems().size() == 1);
            app.onFx(() -> {
                var row = (dev.tododesktop.client.ui.conflicts.ConflictsViewModel.Row)
                        app.robot.lookup("#conflictList").queryAs(ListView.class).getItems().getFirst();
                assertThat(row.fieldLabel()).isEqualTo("Title");
                assertThat(row.mine()).isEqualTo(MINE);
                assertThat(row.theirs()).isEqualTo(THEIRS);
                return null;
            });
            // Both values, on the buttons the user chooses with.
            app.waitForUi("both choices in the dialog", () ->
                    app.robot.lookup("Keep mine: " + MINE).tryQuery().isPresent()
                            && app.robot.lookup("Keep other device's: " + THEIRS).tryQuery().isPresent());

            app.robot.clickOn("Keep mine: " + MINE);

            app.waitForUi("the dialog emptied", () ->
                    app.robot.lookup("#conflictList").queryAs(ListView.class).getItems().isEmpty());
            app.waitForUi("the indicator gone, my title on screen and synced", () ->
                    !app.present("#conflictsButton") && app.shown(MINE) && !app.shown(THEIRS) && app.synced());
            app.waitFor("my title on the server", () -> serverTitles(phone).equals(java.util.List.of(MINE)));
            assertThat(serverTask(phone, MINE).id()).isEqualTo(onServer.id());
        }
    }
}
