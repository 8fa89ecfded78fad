package dev.tododesktop.client.app;

import static dev.tododesktop.client.app.RemoteAppHarness.serverTask;
import static dev.tododesktop.client.app.RemoteAppHarness.serverTitles;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 5: editing while the network is gone. The app, signed in against the real server through
 * a proxy the test can cut, keeps working offline, says so and counts what waits; once the
 * network is back everything reaches the server, once.
 */
class OfflineReconnectEndToEndTest extends RemoteAppTestBase {

    @Test
    void editsMadeOfflineShowAsPendingAndReachTheServerOnceAfterReconnecting() throws Exception {
        String email = "offline@example.com";
        app.register(email);
        app.quickAdd("Pay the rent");
        app.waitForUi("\"Pay the rent\" synced", app::synced);

        try (var phone = app.phone(email)) {
            assertThat(serverTitles(phone)).containsExactly("Pay the rent");

            app.network.cut();
            app.waitForUi("the app to notice it is offline", () -> app.status().startsWith("Offline"));

            app.quickAdd("Written offline");
            app.complete("Pay the rent");

            app.waitForUi("offline with 2 changes waiting", () ->
                    app.status().startsWith("Offline") && app.status().contains("2 changes waiting"));
            app.onFx(() -> {
                assertThat(app.titlesOnScreen()).containsExactlyInAnyOrder("Pay the rent", "Written offline");
                assertThat(app.onScreen("Pay the rent").completed()).isTrue();
                assertThat(app.onScreen("Written offline").completed()).isFalse();
                return null;
            });
            // Really offline: nothing has reached the server.
            assertThat(serverTitles(phone)).containsExactly("Pay the rent");
            assertThat(serverTask(phone, "Pay the rent").completed()).isFalse();

            app.network.restore();
            app.waitForUi("online again with nothing waiting", app::synced);

            assertThat(serverTitles(phone)).as("each edit on the server exactly once")
                    .containsExactlyInAnyOrder("Pay the rent", "Written offline");
            assertThat(serverTask(phone, "Pay the rent").completed()).isTrue();
            assertThat(serverTask(phone, "Written offline").completed()).isFalse();
            app.onFx(() -> {
                assertThat(app.status()).startsWith("Online").doesNotContain("waiting");
                assertThat(app.titlesOnScreen()).containsExactlyInAnyOrder("Pay the rent", "Written offline");
                assertThat(app.onScreen("Pay the rent").completed()).isTrue();
                return null;
            });
        }
    }
}
