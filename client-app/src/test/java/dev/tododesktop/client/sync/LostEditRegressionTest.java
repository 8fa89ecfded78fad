package dev.tododesktop.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.api.RetryPolicy;
import dev.tododesktop.client.sync.SyncTestServer.Device;
import dev.tododesktop.store.conflicts.Conflict;
import dev.tododesktop.store.tasks.Priority;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four ways an edit used to vanish (issue 19), each as a fixed script against the real
 * server and real stores: every edit must end applied, as a conflict or as an error on its
 * device, as {@code docs/sync.md} says. Each first ran red on the code before its fix.
 */
class LostEditRegressionTest {

    @TempDir
    Path dir;

    private SyncTestServer server;
    private CuttingProxy proxy;
    private String email;

    @BeforeEach
    void start() throws Exception {
        server = new SyncTestServer(dir);
        proxy = new CuttingProxy(server.baseUri());
        email = server.newAccount();
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    private Device direct(String name) {
        return server.device(name, email, SyncTestServer.fastOptions().withEvents(false));
    }

    /** A device behind the proxy, without the API client's own retries: the next round resends. */
    private Device viaProxy(String name, SyncEngine.Options options) {
        return server.device(name, email, options.withEvents(false)
                .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)), proxy.uri(), RetryPolicy.none());
    }

    private Device viaProxy(String name) {
        return viaProxy(name, SyncTestServer.fastOptions());
    }

    private static Task sharedTask(Device a, Device b, TaskEdit fields) {
        Task t = a.store.edits().create(fields);
        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().ok()).isTrue();
        return t;
    }

    private static void loseAnswerThenResend(CuttingProxy proxy, Device a) {
        proxy.cutNextPushAnswer();
        assertThat(a.sync().outcome()).isEqualTo(SyncReport.Outcome.OFFLINE);
        assertThat(a.sync().ok()).isTrue();
        assertThat(a.store.sync().pendingCount()).isZero();
    }

    /** Cause 1: the server answered "conflict", the answer was lost, the resend said "duplicate". */
    @Test
    void a_conflict_whose_answer_was_lost_is_still_a_conflict_after_the_resend() {
        Device a = viaProxy("a");
        Device b = direct("b");
        Task t = sharedTask(a, b, TaskEdit.none().title("Plan trip"));
        b.store.edits().update(t.id(), TaskEdit.none().title("Plan trip to Rome"));
        assertThat(b.sync().ok()).isTrue();

        a.store.edits().update(t.id(), TaskEdit.none().title("Plan trip to Oslo"));
        loseAnswerThenResend(proxy, a);

        assertThat(a.store.tasks().get(t.id()).orElseThrow().title()).isEqualTo("Plan trip to Rome");
        assertThat(a.store.conflicts().open()).singleElement().satisfies(c -> {
            assertThat(c.taskId()).isEqualTo(t.id());
            assertThat(c.field()).isEqualTo(TaskField.TITLE);
            assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("Plan trip to Oslo"));
            assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("Plan trip to Rome"));
        });
    }

    /** Cause 1, the error flavour: an edit of a task deleted elsewhere, its answer lost. */
    @Test
    void an_edit_of_a_task_deleted_elsewhere_whose_answer_was_lost_is_still_an_error() {
        Device a = viaProxy("a");
        Device b = direct("b");
        Task t = sharedTask(a, b, TaskEdit.none().title("Old task"));
        b.store.edits().delete(t.id());
        assertThat(b.sync().ok()).isTrue();

        a.store.edits().update(t.id(), TaskEdit.none().description("one more note"));
        loseAnswerThenResend(proxy, a);

        assertThat(a.store.tasks().get(t.id())).isEmpty();
        assertThat(a.store.conflicts().errors()).singleElement().satisfies(e -> {
            assertThat(e.taskId()).isEqualTo(t.id());
            assertThat(e.fields()).isEqualTo(TaskEdit.none().description("one more note"));
        });
    }

    /**
     * Cause 2: the create's answer was lost, another device renamed the new task, and the resent
     * create's "duplicate" re-based the creator's own pending rename onto that rename.
     */
    @Test
    void a_rename_made_after_a_create_whose_answer_was_lost_does_not_overwrite_another_devices_rename() {
        Device a = viaProxy("a");
        Device b = direct("b");
        Task t = a.store.edits().create(TaskEdit.none().title("Draft"));
        proxy.cutNextPushAnswer();
        assertThat(a.sync().outcome()).isEqualTo(SyncReport.Outcome.OFFLINE);
        // Made on the create, whose answer A never got.
        a.store.edits().update(t.id(), TaskEdit.none().title("Draft from A"));

        assertThat(b.sync().ok()).isTrue();
        b.store.edits().update(t.id(), TaskEdit.none().title("Draft from B"));
        assertThat(b.sync().ok()).isTrue();

        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().ok()).isTrue();
        assertThat(b.store.tasks().get(t.id()).orElseThrow().title()).as("B's acknowledged rename")
                .isEqualTo("Draft from B");
        assertThat(a.store.conflicts().open()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(TaskField.TITLE);
            assertThat(c.localValue()).isEqualTo(TaskEdit.none().title("Draft from A"));
            assertThat(c.serverValue()).isEqualTo(TaskEdit.none().title("Draft from B"));
        });
    }

    /**
     * Cause 3: a conflict answer exactly one version past the base made the client guess that
     * version was its own, re-base its next edit on it and so overwrite the other device's value.
     */
    @Test
    void an_answer_one_version_past_the_base_does_not_rebase_the_next_edit_over_another_devices_change() {
        Device a = direct("a");
        Device b = direct("b");
        Task t = sharedTask(a, b, TaskEdit.none().title("Report"));
        b.store.edits().update(t.id(), TaskEdit.none().title("Report for Q3").priority(Priority.HIGH));
        assertThat(b.sync().ok()).isTrue();

        a.store.edits().update(t.id(), TaskEdit.none().title("Report for Q4"));
        a.store.edits().update(t.id(), TaskEdit.none().priority(Priority.LOW));
        assertThat(a.sync().ok()).isTrue();

        Task now = a.store.tasks().get(t.id()).orElseThrow();
        assertThat(now.priority()).as("B's acknowledged priority").isEqualTo(Priority.HIGH);
        assertThat(a.store.conflicts().open()).extracting(Conflict::field)
                .containsExactlyInAnyOrder(TaskField.TITLE, TaskField.PRIORITY);
    }

    /** Cause 4: one device's two renames of a task, sent in separate pushes, conflicted with each other. */
    @Test
    void two_renames_on_one_device_never_conflict_with_each_other_even_across_pushes() {
        Device a = server.device("a", email, SyncTestServer.fastOptions().withEvents(false).withBatchSizes(1, 100));
        Device b = direct("b");
        Task t = sharedTask(a, b, TaskEdit.none().title("Call"));
        a.store.edits().update(t.id(), TaskEdit.none().title("Call Ann"));
        a.store.edits().update(t.id(), TaskEdit.none().title("Call Ann at 5"));
        b.store.edits().update(t.id(), TaskEdit.none().tags(List.of("phone")));
        assertThat(b.sync().ok()).isTrue();

        assertThat(a.sync().ok()).isTrue();
        assertThat(b.sync().ok()).isTrue();

        assertThat(a.store.conflicts().open()).isEmpty();
        Task now = b.store.tasks().get(t.id()).orElseThrow();
        assertThat(now.title()).isEqualTo("Call Ann at 5");
        assertThat(now.tags()).containsExactly("phone");
    }
}
