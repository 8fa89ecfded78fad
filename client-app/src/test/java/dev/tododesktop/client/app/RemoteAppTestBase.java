package dev.tododesktop.client.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The app started against its own real server behind a cuttable connection, for each test, and stopped after it. */
abstract class RemoteAppTestBase {

    RemoteAppHarness app;

    @BeforeEach
    void startAppAgainstItsServer() throws Exception {
        app = new RemoteAppHarness();
        app.startApp();
    }

    @AfterEach
    void stopAppAndServer() throws Exception {
        app.close();
    }
}
