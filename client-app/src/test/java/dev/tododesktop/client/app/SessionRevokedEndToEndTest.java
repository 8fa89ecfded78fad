package dev.tododesktop.client.app;

import static dev.tododesktop.client.app.RemoteAppHarness.serverTitles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.keychain.CredentialKey;
import dev.tododesktop.client.keychain.CredentialStores;
import dev.tododesktop.client.keychain.KeychainResult;
import dev.tododesktop.client.keychain.KeychainStatus;
import dev.tododesktop.contract.auth.SessionList;
import dev.tododesktop.contract.auth.SessionView;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: signing this computer out from another device. The phone revokes the app's session;
 * the app goes back to the sign-in screen and says why, forgets the login (settings and
 * keychain), and keeps the edit it had not synced yet: after signing in again it is pushed.
 */
class SessionRevokedEndToEndTest extends RemoteAppTestBase {

    @Test
    void revokingTheAppsSessionElsewhereSignsItOutAndKeepsItsUnsyncedWork() throws Exception {
        String email = "revoke@example.com";
        app.register(email);
        app.quickAdd("Synced before");
        app.waitForUi("\"Synced before\" synced", app::synced);

        try (var phone = app.phone(email)) {
            UUID userId = phone.userId().orElseThrow();
            var keychain = osKeychain();
            keychain.ifPresent(k -> assertThat(hasToken(k, userId)).as("login in the keychain before the revoke").isTrue());

            // Work the server has not seen: made while the app has no network.
            app.network.cut();
            app.waitForUi("the app to notice it is offline", () -> app.status().startsWith("Offline"));
            app.quickAdd("Not synced yet");
            app.waitForUi("1 change waiting", () -> app.status().contains("1 change waiting"));

            // The phone signs the computer out.
            ApiResult<SessionList> sessions = phone.sessions();
            assertThat(sessions).as("the phone's session list: %s", sessions).isInstanceOf(ApiResult.Ok.class);
            var others = ((ApiResult.Ok<SessionList>) sessions).value().items().stream()
                    .filter(s -> !s.current()).toList();
            assertThat(others).as("the app's session, seen from the phone").hasSize(1);
            SessionView computer = others.getFirst();
            var revoked = phone.revokeSession(computer.id());
            assertThat(revoked).as("revoking the app's session: %s", revoked).isInstanceOf(ApiResult.Ok.class);

            app.network.restore();
            app.waitForUi("back on the sign-in screen", () -> app.present("#emailField") && !app.present("#taskList"));
            app.onFx(() -> {
                String message = app.robot.lookup("#formError").queryAs(Label.class).getText();
                assertThat(message).as("the sign-in screen says why").contains("signed out").contains("another device");
                return null;
            });

            // The login is forgotten: not in the settings, not in the keychain.
            app.waitFor("the remembered user cleared from the settings", () -> {
                try {
                    return !Files.readString(app.config.resolve("settings.properties")).contains("last_user_id");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            keychain.ifPresent(k -> assertThat(hasToken(k, userId)).as("login in the keychain after the revoke").isFalse());
            assertThat(serverTitles(phone)).as("the unsynced task did not reach the server").containsExactly("Synced before");

            // The unsynced work was kept: signing in again shows it and pushes it, once.
            app.signIn(email);
            app.waitForUi("both tasks on screen", () -> app.shown("Synced before") && app.shown("Not synced yet"));
            app.waitForUi("synced after signing in again", app::synced);
            assertThat(serverTitles(phone)).containsExactlyInAnyOrder("Synced before", "Not synced yet");
        }
    }

    /** The OS keychain the app uses, where there is one (CI or a desktop session); elsewhere the login lives in memory only. */
    private static Optional<dev.tododesktop.client.keychain.CredentialStore> osKeychain() {
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null && !"true".equals(System.getenv("CI"))) {
            return Optional.empty();
        }
        return Optional.<dev.tododesktop.client.keychain.CredentialStore>of(CredentialStores.forThisMachine(java.net.URI.create("todo:probe")))
                .filter(k -> !(k.status() instanceof KeychainStatus.SessionOnly));
    }

    private boolean hasToken(dev.tododesktop.client.keychain.CredentialStore keychain, UUID userId) {
        return keychain.read(new CredentialKey(app.network.uri(), userId)) instanceof KeychainResult.Ok<Optional<String>>(var token)
                && token.isPresent();
    }
}
