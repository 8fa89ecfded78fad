package dev.tododesktop.client.ui.snapshots;

import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.testing.RealServer;
import dev.tododesktop.client.ui.FxmlFile;
import dev.tododesktop.client.ui.ViewLoader;
import dev.tododesktop.client.ui.account.AccountController;
import dev.tododesktop.client.ui.account.AccountViewModel;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javafx.scene.Parent;

/**
 * The account window with two devices, from the real server (started once, for the pictures,
 * and stopped when the JVM exits): the view model takes a real API client.
 */
final class SampleAccount {

    private static TodoApiClient laptop;

    private SampleAccount() {}

    static synchronized Parent view(ViewLoader loader) {
        if (laptop == null) {
            laptop = signedInDevices();
        }
        var model = new AccountViewModel(laptop, "ada@example.com", Runnable::run, Runnable::run, () -> { }, () -> { });
        var view = loader.load(FxmlFile.ACCOUNT, new AccountController(model)); // loads the devices, here at once
        return view;
    }

    private static TodoApiClient signedInDevices() {
        try {
            var server = new RealServer(Files.createTempDirectory("todo-sample-server"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            var client = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("laptop")).deviceName("Ada's laptop").build();
            client.register(new RegisterRequest("ada@example.com", "correct horse battery", "Ada", null));
            try (var phone = TodoApiClient.builder(server.baseUri(), new SessionOnlyStore("phone")).deviceName("Pixel 9").build()) {
                phone.login(new LoginRequest("ada@example.com", "correct horse battery", null));
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
