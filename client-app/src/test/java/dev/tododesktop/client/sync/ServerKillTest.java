package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.api.TodoApiClient;
import dev.tododesktop.client.keychain.SessionOnlyStore;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.contract.auth.UserView;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import dev.tododesktop.testing.RandomInputs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is SIGKILLed right after it committed a push whose answer never left it,
 * while a second device is pushing too, and a new server process starts on the same database.
 * The committed answer survives the kill (the lost conflict is still a conflict when the device
 * resends), the other device's push is replayed or applied, whichever it was, and both devices
 * end equal to the server with nothing pending.
 */
class ServerKillTest {

    @TempDir
    Path dir;

    private Process server;
    private final List<Device> devices = new ArrayList<>();

    @AfterEach
    void stop() {
        devices.forEach(Device::close);
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void a_server_killed_mid_push_keeps_every_committed_answer_for_the_resend() throws Exception {
        RandomGenerator rng = RandomInputs.forSeed(1919);
        int port = start(0);
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        try (TodoApiClient setup = TodoApiClient.create(URI.create("http://127.0.0.1:" + port), new SessionOnlyStore("t"))) {
            assertThat(setup.register(new RegisterRequest(email, SyncTestServer.PASSWORD, "Ada", "setup")))
                    .isInstanceOf(ApiResult.Ok.class);
        }
        try (FaultProxy proxy = new FaultProxy(URI.create("http://127.0.0.1:" + port), rng, 0, 0)) {
            Device a = device("a", email, proxy);
            Device b = device("b", email, proxy);
            Task t = a.store.edits().create(TaskEdit.none().title("Plan trip"));
            assertThat(a.sync().ok()).isTrue();
            assertThat(b.sync().ok()).isTrue();
            b.store.edits().update(t.id(), TaskEdit.none().title("Plan trip to Rome"));
            assertThat(b.sync().ok()).isTrue();

            // A's conflicting rename is committed with its answer, and the answer dies with the
            // server; B is pushing new tasks at the same moment (committed or not when it dies).
            a.store.edits().update(t.id(), TaskEdit.none().title("Plan trip to Oslo"));
            int created = 1;
            for (int i = 0; i < 8; i++) {
                Task n = b.store.edits().create(TaskEdit.none().title("b " + i));
                b.store.edits().update(n.id(), TaskEdit.none().description("note " + i));
                created++;
            }
            proxy.dropPushAnswers(true);
            int before = proxy.pushesReceived();
            CompletableFuture<SyncReport> ra = a.engine().syncNow();
            CompletableFuture<SyncReport> rb = b.engine().syncNow();
            awaitPush(proxy, before);
            Thread.sleep(rng.nextInt(20));
            kill();
            proxy.dropPushAnswers(false);
            assertThat(ra.get(30, TimeUnit.SECONDS).ok()).isFalse();
            rb.get(30, TimeUnit.SECONDS);
            start(port);
            for (int pass = 0; pass < 2; pass++) {
                assertThat(syncUntilDone(a)).isTrue();
                assertThat(syncUntilDone(b)).isTrue();
            }
            assertThat(a.store.conflicts().open()).as("the lost conflict, replayed after the kill").singleElement()
                    .satisfies(c -> {
                        assertThat(c.field()).isEqualTo(TaskField.TITLE);
                        assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("Plan trip to Oslo"));
                        assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("Plan trip to Rome"));
                    });
            assertThat(tasks(a.store)).hasSize(created).isEqualTo(tasks(b.store));
            assertThat(tasks(a.store)).filteredOn(x -> !x.id().equals(t.id()))
                    .allSatisfy(x -> assertThat(x.description()).startsWith("note "));
            assertThat(a.store.conflicts().errors()).isEmpty();
            assertThat(b.store.conflicts().open()).isEmpty();
        }
    }

    private static boolean syncUntilDone(Device d) throws InterruptedException {
        for (int attempt = 0; attempt < 30; attempt++) {
            if (d.sync().ok() && d.store.sync().pendingCount() == 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static void awaitPush(FaultProxy proxy, int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (proxy.pushesReceived() <= before && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(proxy.pushesReceived()).as("the server answered the push").isGreaterThan(before);
    }

    private Device device(String name, String email, FaultProxy proxy) {
        TodoApiClient client = TodoApiClient.builder(proxy.uri(), new SessionOnlyStore("test")).deviceName(name)
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build();
        var login = client.login(new LoginRequest(email, SyncTestServer.PASSWORD, name));
        if (!(login instanceof ApiResult.Ok<UserView>(UserView user))) {
            throw new IllegalStateException("login failed: " + login);
        }
        UserStore store = UserStore.open(dir.resolve(name + ".db"), Clock.systemUTC());
        Device d = new Device(name, client, store, user.id(), SyncTestServer.fastOptions().withEvents(false)
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)).withBatchSizes(4, 50));
        devices.add(d);
        return d;
    }

    /** Starts a server process on the data directory; answers its port. */
    private int start(int port) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.sqlite.tmpdir=" + System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")),
                ServerKillChild.class.getName(), dir.resolve("server").toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("listening ")) {
            lines.add(line);
        }
        assertThat(line).as("server output: %s", lines).isNotNull();
        // Keep draining its output so the process never blocks on a full pipe.
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> { }));
        return Integer.parseInt(line.substring("listening ".length()));
    }

    private void kill() throws InterruptedException {
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
