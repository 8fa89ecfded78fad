package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.store.session.UserStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Run in a child JVM by {@link SyncKillTest}: signs in, opens the store and syncs it round after
 * round until the parent kills the process with SIGKILL, wherever it is.
 */
public final class SyncKillChild {
    private SyncKillChild() {
    }

    public static void main(String[] args) {
        URI server = URI.create(args[0]);
        TodoApiClient client = TodoApiClient.builder(server, new SessionOnlyStore("kill-child"))
                .deviceName("kill-child").retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build();
        var login = client.login(new LoginRequest(args[1], args[2], "kill-child"));
        if (!(login instanceof ApiResult.Ok<UserView>(UserView user))) {
            throw new IllegalStateException("login failed: " + login);
        }
        UserStore store = UserStore.open(Path.of(args[3]), Clock.systemUTC());
        var options = SyncTestServer.fastOptions().withEvents(false).withBatchSizes(3, 50);
        SyncEngine engine = new SyncEngine(store, client, user.id(), Clock.systemUTC(), options);
        System.out.println("syncing");
        System.out.flush();
        while (true) {
            engine.syncNow().join();
        }
    }
}
