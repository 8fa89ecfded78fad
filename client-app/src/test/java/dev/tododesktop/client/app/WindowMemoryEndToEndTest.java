package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the window remembers its size, position and maximised state across sign-in and
 * across runs. The real app: moved and resized on the sign-in screen, it keeps that through
 * registering, and opens there again after a restart; maximised, it opens maximised.
 */
class WindowMemoryEndToEndTest extends RemoteAppTestBase {

    @Test
    void theWindowOpensWhereItWasLeftAtTheSizeItHad() throws Exception {
        app.waitForUi("the sign-in screen", () -> app.present("#emailField"));
        app.robot.interact(() -> {
            var window = main();
            window.setX(70);
            window.setY(50);
            window.setWidth(900);
            window.setHeight(640);
        });
        app.register("window@example.com");
        app.onFx(() -> {
            assertThat(bounds(main())).as("after signing in").containsExactly(70.0, 50.0, 900.0, 640.0);
            return null;
        });

        restart();
        app.onFx(() -> {
            assertThat(bounds(main())).as("after a restart").containsExactly(70.0, 50.0, 900.0, 640.0);
            assertThat(main().isMaximized()).isFalse();
            main().setMaximized(true);
            return null;
        });

        restart();
        app.onFx(() -> {
            assertThat(main().isMaximized()).as("maximised after a restart").isTrue();
            main().setMaximized(false);
            return null;
        });
        app.waitForUi("back to where it was before maximising",
                () -> bounds(main())[2] == 900.0 && bounds(main())[3] == 640.0);
    }

    /**
     * A new run. TestFX hands every run the same primary stage, which would keep its place by
     * itself; moved away first, it shows what the app restores.
     */
    private void restart() throws Exception {
        app.stopApp();
        app.robot.interact(() -> {
            var stage = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
            stage.setMaximized(false);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(500);
            stage.setHeight(400);
        });
        app.startApp();
        app.waitForUi("the app again", () -> app.present("#emailField") || app.present("#taskList"));
    }

    private static Stage main() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()
                && "Todo".equals(((Stage) w).getTitle())).findFirst().orElseThrow();
    }

    private static double[] bounds(Stage window) {
        return new double[] {window.getX(), window.getY(), window.getWidth(), window.getHeight()};
    }
}
