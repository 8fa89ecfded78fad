package dev.tododesktop.client.sync;

import static dev.tododesktop.client.sync.SyncTestSupport.await;
import static dev.tododesktop.client.sync.SyncTestSupport.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.TaskApi;
import dev.tododesktop.client.api.TaskQuery;
import dev.tododesktop.client.sync.SyncStatus.Connectivity;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.contract.auth.SessionView;
import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against the real in-process sync server and real SQLite stores. */
class SyncEngineTest {

    @TempDir
    Path dir;

    private SyncTestServer server;
    private String email;

    @BeforeEach
    void start() {
        server = new SyncTestServer(dir);
        email = server.newAccount();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Device device(String name) {
        return server.device(name, email, SyncTestServer.fastOptions().withEvents(false));
    }

    private int serverTaskCount(Device device) {
        var list = TaskApi.of(device.client).list(TaskQuery.all().page(500, 0));
        return (int) list.okValue().orElseThrow(() -> new AssertionError("list failed: " + list)).count();
    }

    @Test
    void two_devices_editing_offline_converge_and_a_field_edited_on_both_becomes_a_conflict() {
        Device a = device("a");
        Device b = device("b");
        Task shared = a.store.edits().create(TaskEdit.none().title("Buy milk").priority(Priority.LOW));
        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().pulled()).isEqualTo(1);

        // Both offline: different fields of the shared task, the same field too, and new tasks on each.
        a.store.edits().update(shared.id(), TaskEdit.none().title("Buy oat milk"));
        a.store.edits().update(shared.id(), TaskEdit.none().priority(Priority.HIGH));
        b.store.edits().update(shared.id(), TaskEdit.none().title("Buy almond milk").description("2 litres"));
        a.store.edits().create(TaskEdit.none().title("From A"));
        Task fromB = b.store.edits().create(TaskEdit.none().title("From B").tags(List.of("home")));
        b.store.edits().setCompleted(fromB.id(), true);

        SyncReport ra = a.sync();
        SyncReport rb = b.sync();
        assertThat(ra.ok()).isTrue();
        assertThat(rb.ok()).isTrue();
        assertThat(rb.conflicts()).isEqualTo(1);
        assertThat(a.sync().ok()).isTrue();

        assertThat(tasks(a.store)).hasSize(3).isEqualTo(tasks(b.store));
        Task merged = a.store.tasks().get(shared.id()).orElseThrow();
        assertThat(merged.title()).isEqualTo("Buy oat milk");   // A pushed first: the server kept A's title
        assertThat(merged.description()).isEqualTo("2 litres"); // B's other field was merged in
        assertThat(merged.priority()).isEqualTo(Priority.HIGH);
        List<Conflict> conflicts = b.store.conflicts().open();
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(TaskField.TITLE);
            assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("Buy almond milk"));
            assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("Buy oat milk"));
        });
        assertThat(b.engine().status().openConflicts()).isEqualTo(1);
        assertThat(a.store.hasUnsyncedChanges()).isFalse();
        assertThat(b.store.hasUnsyncedChanges()).isFalse();
        assertThat(serverTaskCount(a)).isEqualTo(3);
    }

    @Test
    void a_second_offline_edit_of_a_task_does_not_silently_overwrite_another_devices_change() {
        Device a = device("a");
        Device b = device("b");
        Task shared = a.store.edits().create(TaskEdit.none().title("Plan trip"));
        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().ok()).isTrue();

        // B, offline, makes two edits of the task; A changes the priority B's second edit also sets.
        b.store.edits().update(shared.id(), TaskEdit.none().title("Plan the trip"));
        b.store.edits().update(shared.id(), TaskEdit.none().priority(Priority.HIGH));
        a.store.edits().update(shared.id(), TaskEdit.none().priority(Priority.LOW));
        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().ok()).isTrue();
        assertThat(a.sync().ok()).isTrue();

        Task merged = a.store.tasks().get(shared.id()).orElseThrow();
        assertThat(merged.title()).isEqualTo("Plan the trip");
        // Whichever priority wins, the losing side must have been told: B never saw A's LOW.
        if (merged.priority() == Priority.HIGH) {
            assertThat(a.store.conflicts().open()).as("A's LOW was overwritten without a conflict")
                    .anyMatch(c -> c.field() == TaskField.PRIORITY);
        } else {
            assertThat(b.store.conflicts().open()).as("B's HIGH was dropped without a conflict")
                    .anyMatch(c -> c.field() == TaskField.PRIORITY);
        }
    }

    @Test
    void more_than_one_batch_is_pushed_in_order_and_pulled_in_pages() {
        Device a = server.device("a", email, SyncTestServer.fastOptions().withEvents(false).withBatchSizes(7, 5));
        Device b = server.device("b", email, SyncTestServer.fastOptions().withEvents(false).withBatchSizes(7, 5));
        for (int i = 0; i < 30; i++) {
            Task t = a.store.edits().create(TaskEdit.none().title("task " + i));
            a.store.edits().update(t.id(), TaskEdit.none().description("edited " + i));
            if (i % 3 == 0) {
                a.store.edits().delete(t.id());
            }
        }
        SyncReport report = a.sync();
        assertThat(report.ok()).isTrue();
        assertThat(report.pushed()).isEqualTo(30 + 30 + 10);
        assertThat(b.sync().pages()).isGreaterThan(1);
        assertThat(tasks(b.store)).hasSize(20).isEqualTo(tasks(a.store))
                .allSatisfy(t -> assertThat(t.description()).startsWith("edited "));
    }

    @Test
    void a_push_whose_answer_was_lost_is_resent_with_the_same_ids_and_nothing_is_duplicated() throws Exception {
        try (var proxy = new CuttingProxy(server.baseUri())) {
            // No retries inside the API client: the engine's next round has to resend by itself.
            Device a = server.device("a", email, SyncTestServer.fastOptions().withEvents(false)
                    .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)), proxy.uri(),
                    dev.tododesktop.client.api.RetryPolicy.none());
            Task t = a.store.edits().create(TaskEdit.none().title("Only once"));
            proxy.cutNextPushAnswer();

            SyncReport lost = a.sync();
            assertThat(lost.outcome()).isEqualTo(SyncReport.Outcome.OFFLINE);
            assertThat(proxy.pushesForwarded()).isEqualTo(1); // the server did apply it
            assertThat(a.store.sync().pendingCount()).isEqualTo(1);
            assertThat(a.engine().status().connectivity()).isEqualTo(Connectivity.OFFLINE);

            SyncReport resent = a.sync();
            assertThat(resent.ok()).isTrue();
            assertThat(resent.duplicates()).isEqualTo(1);
            assertThat(proxy.pushedMutationIds()).hasSize(2);
            assertThat(proxy.distinctMutationIds()).isEqualTo(1);
            assertThat(a.store.sync().pendingCount()).isZero();
            assertThat(serverTaskCount(a)).isEqualTo(1);
            assertThat(a.store.tasks().get(t.id()).orElseThrow().serverVersion()).isPresent();
            assertThat(a.engine().status().connectivity()).isEqualTo(Connectivity.ONLINE);
        }
    }

    @Test
    void an_expired_cursor_makes_a_full_resync_that_also_drops_tasks_whose_tombstones_were_pruned() throws Exception {
        try (var proxy = new CuttingProxy(server.baseUri())) {
            Device a = server.device("a", email, SyncTestServer.fastOptions().withEvents(false), proxy.uri(),
                    dev.tododesktop.client.api.RetryPolicy.none());
            Device b = device("b");
            Task kept = a.store.edits().create(TaskEdit.none().title("kept"));
            Task deletedElsewhere = a.store.edits().create(TaskEdit.none().title("deleted on b"));
            Task pendingLocally = a.store.edits().create(TaskEdit.none().title("synced, then edited offline"));
            assertThat(a.sync().ok()).isTrue();
            assertThat(b.sync().ok()).isTrue();
            b.store.edits().delete(deletedElsewhere.id());
            assertThat(b.sync().ok()).isTrue();
            a.store.edits().update(pendingLocally.id(), TaskEdit.none().description("offline note"));
            Task neverPushed = a.store.edits().create(TaskEdit.none().title("not pushed yet"));

            proxy.pruneTombstonesFromPulls();
            proxy.answerNextPullWithCursorGone();
            SyncReport report = a.sync();
            assertThat(report.ok()).isTrue();
            assertThat(report.fullResync()).isTrue();
            assertThat(tasks(a.store)).extracting(Task::id)
                    .containsExactlyInAnyOrder(kept.id(), pendingLocally.id(), neverPushed.id());
            assertThat(a.store.tasks().get(pendingLocally.id()).map(Task::description)).contains("offline note");
            assertThat(b.sync().ok()).isTrue();
            assertThat(tasks(a.store)).isEqualTo(tasks(b.store));
        }
    }

    @Test
    void an_edit_made_before_the_process_died_is_pushed_after_the_store_is_reopened() {
        Device a = device("a");
        Task t = a.store.edits().create(TaskEdit.none().title("Written just before the crash"));
        // No sync: the app dies here. On the next start the store is reopened and a new engine made.
        a.reopen();
        assertThat(a.store.sync().pendingCount()).isEqualTo(1);
        a.engine().start();
        await(Duration.ofSeconds(15), "pushed after restart", () -> a.store.sync().pendingCount() == 0);
        Device b = device("b");
        assertThat(b.sync().ok()).isTrue();
        assertThat(b.store.tasks().get(t.id()).map(Task::title)).contains("Written just before the crash");
    }

    @Test
    void a_change_on_one_device_reaches_another_through_the_event_stream() {
        Device a = server.device("a", email, SyncTestServer.fastOptions());
        Device b = server.device("b", email, SyncTestServer.fastOptions());
        AtomicInteger remoteChanges = new AtomicInteger();
        b.engine().addRemoteChangeListener(remoteChanges::incrementAndGet);
        a.engine().start();
        b.engine().start();
        await(Duration.ofSeconds(15), "both online", () -> a.engine().status().connectivity() == Connectivity.ONLINE
                && b.engine().status().connectivity() == Connectivity.ONLINE);
        int before = remoteChanges.get();

        Task t = a.store.edits().create(TaskEdit.none().title("Live"));
        a.engine().requestSync();
        Duration took = await(Duration.ofSeconds(10), "B sees A's task", () -> b.store.tasks().get(t.id()).isPresent());
        assertThat(took).as("live, not the next periodic sync (latency is measured in SyncEngineBenchmark)").isLessThan(Duration.ofSeconds(5));
        await(Duration.ofSeconds(10), "B's remote-change listener", () -> remoteChanges.get() > before);

        a.store.edits().setCompleted(t.id(), true);
        a.engine().requestSync();
        await(Duration.ofSeconds(10), "B sees the completion",
                () -> b.store.tasks().get(t.id()).map(Task::completed).orElse(false));
    }

    @Test
    void a_revoked_session_signs_the_engine_out_and_keeps_the_outbox() {
        Device a = device("a");
        Device b = server.device("b", email, SyncTestServer.fastOptions());
        List<SyncStatus> seen = new CopyOnWriteArrayList<>();
        b.engine().addStatusListener(seen::add);
        b.engine().start();
        await(Duration.ofSeconds(15), "b online", () -> b.engine().status().connectivity() == Connectivity.ONLINE);
        SessionView bSession = a.client.sessions().okValue().orElseThrow().items().stream()
                .filter(s -> "b".equals(s.deviceName())).findFirst().orElseThrow();
        assertThat(a.client.revokeSession(bSession.id()).isOk()).isTrue();
        // Made after the revocation, so no round can have pushed them.
        b.store.edits().create(TaskEdit.none().title("Not yet pushed 1"));
        b.store.edits().create(TaskEdit.none().title("Not yet pushed 2"));

        SyncReport report = b.sync();
        assertThat(report.outcome()).isEqualTo(SyncReport.Outcome.SIGNED_OUT);
        await(Duration.ofSeconds(15), "signed out", () -> b.engine().status().connectivity() == Connectivity.SIGNED_OUT);
        assertThat(b.store.sync().pendingCount()).isEqualTo(2);
        assertThat(b.engine().status().pendingCount()).isEqualTo(2);
        assertThat(seen).last().extracting(SyncStatus::connectivity).isEqualTo(Connectivity.SIGNED_OUT);
        // Stopped means stopped: more requests answer at once without the network.
        b.engine().requestSync();
        assertThat(b.engine().syncNow().join().outcome()).isEqualTo(SyncReport.Outcome.SIGNED_OUT);
        assertThat(serverTaskCount(a)).isZero();
    }

    @Test
    void edits_made_while_the_server_is_down_are_pushed_when_it_comes_back() {
        Device a = server.device("a", email, SyncTestServer.fastOptions());
        Device b = device("b");
        a.engine().start();
        await(Duration.ofSeconds(15), "a online", () -> a.engine().status().connectivity() == Connectivity.ONLINE);

        server.stop();
        Task t = a.store.edits().create(TaskEdit.none().title("Made offline"));
        a.engine().requestSync();
        await(Duration.ofSeconds(30), "a offline", () -> a.engine().status().connectivity() == Connectivity.OFFLINE);
        assertThat(a.engine().status().pendingCount()).isEqualTo(1);
        assertThat(a.engine().status().lastError()).isPresent();

        server.restart();
        await(Duration.ofSeconds(30), "pushed after the server came back", () -> a.store.sync().pendingCount() == 0);
        await(Duration.ofSeconds(15), "a online again", () -> a.engine().status().connectivity() == Connectivity.ONLINE);
        assertThat(b.sync().ok()).isTrue();
        assertThat(b.store.tasks().get(t.id())).isPresent();
    }

    /**
     * Issue 11: after the server came back the app said "Offline" for ~30 s, the backoff's wait.
     * Here every backoff wait is at least 15 s, so only the health probe can bring the engine back
     * in time. The target is 2 s (a probe a second; 1.5 s measured in a real window); the bound
     * leaves room for a round and a reconnect on a loaded machine and stays far below 15 s.
     */
    @Test
    void the_engine_is_online_again_seconds_after_the_server_answers_not_after_its_backoff() {
        Device a = server.device("a", email, SyncTestServer.fastOptions()
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)).withNetworkWatch(false));
        a.engine().start();
        await(Duration.ofSeconds(15), "a online", () -> a.engine().status().connectivity() == Connectivity.ONLINE);

        server.stop();
        Task t = a.store.edits().create(TaskEdit.none().title("Made while the server was down"));
        a.engine().requestSync();
        await(Duration.ofSeconds(30), "a offline", () -> a.engine().status().connectivity() == Connectivity.OFFLINE
                && a.engine().status().lastError().orElse("").startsWith("offline"));

        server.restart();
        Duration back = await(Duration.ofSeconds(30), "a online again",
                () -> a.engine().status().connectivity() == Connectivity.ONLINE);
        assertThat(back).isLessThan(Duration.ofSeconds(8));
        assertThat(a.store.sync().pendingCount()).isZero();
        assertThat(TaskApi.of(device("b").client).get(t.id()).isOk()).isTrue();
    }

    /**
     * "Sync now" (issue 11) forces a round and, once it gets through, the event stream too: online
     * without waiting for either backoff (at least 15 s here; the bound allows for a loaded machine).
     */
    @Test
    void sync_now_after_the_server_is_back_is_online_at_once_without_waiting_for_any_backoff() {
        Device a = server.device("a", email, SyncTestServer.fastOptions()
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60))
                .withProbeInterval(Duration.ofHours(1)).withNetworkWatch(false));
        a.engine().start();
        await(Duration.ofSeconds(15), "a online", () -> a.engine().status().connectivity() == Connectivity.ONLINE);

        server.stop();
        a.store.edits().create(TaskEdit.none().title("Made while the server was down"));
        a.engine().requestSync();
        await(Duration.ofSeconds(30), "a offline", () -> a.engine().status().connectivity() == Connectivity.OFFLINE
                && a.engine().status().lastError().orElse("").startsWith("offline"));
        server.restart();

        SyncReport report = a.engine().syncNow().join();
        assertThat(report.ok()).isTrue();
        assertThat(a.store.sync().pendingCount()).isZero();
        Duration online = await(Duration.ofSeconds(30), "a online again",
                () -> a.engine().status().connectivity() == Connectivity.ONLINE);
        assertThat(online).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void concurrent_sync_requests_share_one_queued_round_and_close_is_idempotent() {
        Device a = device("a");
        for (int i = 0; i < 20; i++) {
            a.store.edits().create(TaskEdit.none().title("t" + i));
        }
        List<CompletableFuture<SyncReport>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(a.engine().syncNow());
        }
        futures.forEach(CompletableFuture::join);
        assertThat(futures.stream().distinct().count()).isLessThanOrEqualTo(2);
        assertThat(futures.stream().distinct().mapToInt(f -> f.join().pushed()).sum()).isEqualTo(20);
        assertThat(a.store.sync().pendingCount()).isZero();
        a.engine().close();
        a.engine().close();
        assertThat(a.engine().syncNow().join().outcome()).isEqualTo(SyncReport.Outcome.CLOSED);
    }

    @Test
    void status_reports_pending_edits_and_last_sync_time() {
        Device a = device("a");
        assertThat(a.engine().status().lastSyncedAt()).isEmpty();
        a.store.edits().create(TaskEdit.none().title("x"));
        assertThat(a.engine().status().pendingCount()).isEqualTo(1);
        assertThat(a.sync().ok()).isTrue();
        SyncStatus status = a.engine().status();
        assertThat(status.pendingCount()).isZero();
        assertThat(status.lastSyncedAt()).isPresent();
        assertThat(status.connectivity()).isEqualTo(Connectivity.ONLINE);
        assertThat(TaskApi.of(a.client).list(TaskQuery.all())).isInstanceOf(ApiResult.Ok.class);
    }
}
