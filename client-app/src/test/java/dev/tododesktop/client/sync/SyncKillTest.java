package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.testing.RandomInputs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device process is killed with SIGKILL twice while it pushes, each time while the
 * server has already applied a push whose answer is still on its way (the proxy holds every push
 * answer back briefly), and resumes from the same file. In the end every edit is applied exactly
 * once: no task lost or doubled, nothing pending, no conflict or error, the replica equals the server.
 */
class SyncKillTest {

    private static final int KILLS = 2;

    @TempDir
    Path dir;

    @Test
    void a_device_killed_mid_push_loses_and_duplicates_nothing() throws Exception {
        RandomGenerator rng = RandomInputs.forSeed(19);
        try (SyncTestServer server = new SyncTestServer(dir);
             FaultProxy proxy = new FaultProxy(server.baseUri(), rng, 0, 0)) {
            String email = server.newAccount();
            Path file = dir.resolve("killed-device.db");
            Map<UUID, String> expected = new TreeMap<>();
            try (UserStore store = UserStore.open(file, Clock.systemUTC())) {
                for (int i = 0; i < 24; i++) {
                    Task t = store.edits().create(TaskEdit.none().title("task " + i));
                    store.edits().update(t.id(), TaskEdit.none().description("note " + i));
                    expected.put(t.id(), "task " + i + "|note " + i);
                }
            }
            proxy.holdPushAnswers(250);
            int pushesAtKill = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                pushesAtKill = runChildAndKill(proxy, email, file, rng, pushesAtKill);
            }
            proxy.holdPushAnswers(0);

            Device resumed = server.device("resumed", email, SyncTestServer.fastOptions().withEvents(false), proxy.uri(),
                    RetryPolicy.none());
            resumed.store.close();
            resumed.store = UserStore.open(file, Clock.systemUTC());
            for (int attempt = 0; attempt < 5 && resumed.store.sync().pendingCount() > 0; attempt++) {
                resumed.sync();
            }
            assertThat(resumed.sync().ok()).isTrue();

            assertThat(resumed.store.sync().pendingCount()).isZero();
            assertThat(resumed.store.conflicts().open()).isEmpty();
            assertThat(resumed.store.conflicts().errors()).isEmpty();
            var onServer = new TreeMap<UUID, String>();
            TaskApi.of(resumed.client).list(TaskQuery.all().page(500, 0)).okValue().orElseThrow().items()
                    .forEach(t -> onServer.put(t.id(), t.title() + "|" + t.description()));
            assertThat(onServer).isEqualTo(expected);
            var replica = new TreeMap<UUID, String>();
            tasks(resumed.store).forEach(t -> replica.put(t.id(), t.title() + "|" + t.description()));
            assertThat(replica).isEqualTo(expected);
            assertThat(proxy.replays()).as("a killed push was resent and its answers replayed").isNotEmpty();
        }
    }

    /** Starts a syncing child, kills it while a push answer is held back, returns the pushes seen. */
    private static int runChildAndKill(FaultProxy proxy, String email, Path file, RandomGenerator rng, int before)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.sqlite.tmpdir=" + System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")),
                SyncKillChild.class.getName(), proxy.uri().toString(), email, SyncTestServer.PASSWORD, file.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("syncing")) {
                output.add(line);
            }
            assertThat(line).as("child output: %s", output).isNotNull();
            // Wait for a push the server has applied, then kill within its held-back answer.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (proxy.pushesReceived() <= before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(rng.nextInt(200));
            int seen = proxy.pushesReceived();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return seen;
        } finally {
            child.destroyForcibly();
        }
    }
}
