package dev.tododesktop.store.session;

import static dev.tododesktop.store.Fixtures.serverTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tododesktop.store.dirs.AppDirectories;
import dev.tododesktop.store.dirs.UserKey;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import dev.tododesktop.store.tasks.TaskQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoresTest {
    static final String SERVER = "https://todo.example";

    @TempDir
    Path dir;
    LocalStores stores;
    UserKey alice = new UserKey(SERVER, UUID.randomUUID());
    UserKey bob = new UserKey(SERVER, UUID.randomUUID());

    @BeforeEach
    void setUp() {
        stores = new LocalStores(new AppDirectories(dir.resolve("data"), dir.resolve("config")), StoreFixture.clock());
    }

    @AfterEach
    void tearDown() {
        stores.logout(UnsyncedChanges.KEEP);
    }

    private static List<String> titles(UserStore store) {
        return store.tasks().list(TaskQuery.of(dev.tododesktop.store.Fixtures.T0, ZoneOffset.UTC))
                .stream().map(Task::title).toList();
    }

    @Test
    void bobNeverSeesAlicesTasks() {
        UserStore a = stores.login(alice);
        a.edits().create(TaskEdit.none().title("alice's secret"));
        a.sync().applyPull(List.of(serverTask(UUID.randomUUID(), "alice from server", 1)), "ca");
        stores.logout(UnsyncedChanges.KEEP);
        assertThat(a.isOpen()).isFalse();

        UserStore b = stores.login(bob);
        assertThat(titles(b)).isEmpty();
        assertThat(b.sync().pendingCount()).isZero();
        assertThat(b.sync().cursor()).isEmpty();
        assertThat(b.file()).isNotEqualTo(a.file());
        b.edits().create(TaskEdit.none().title("bob's"));
        stores.logout(UnsyncedChanges.KEEP);

        assertThat(titles(stores.login(alice))).containsExactlyInAnyOrder("alice's secret", "alice from server");
    }

    @Test
    void onlyOneUserIsOpenAtATime() {
        UserStore a = stores.login(alice);
        assertThat(stores.login(alice)).isSameAs(a);
        assertThatThrownBy(() -> stores.login(bob)).isInstanceOf(IllegalStateException.class);
        assertThat(stores.current()).contains(a);
        stores.logout(UnsyncedChanges.KEEP);
        assertThat(stores.current()).isEmpty();
    }

    @Test
    void keepAtLogoutLeavesEditsPendingForTheNextLogin() {
        UserStore a = stores.login(alice);
        Task t = a.edits().create(TaskEdit.none().title("offline"));
        UUID mutationId = a.sync().pending().getFirst().mutationId();
        assertThat(a.hasUnsyncedChanges()).isTrue();

        stores.logout(UnsyncedChanges.KEEP);

        UserStore again = stores.login(alice);
        assertThat(again.hasUnsyncedChanges()).isTrue();
        assertThat(again.sync().pending()).singleElement()
                .satisfies(m -> assertThat(m.mutationId()).isEqualTo(mutationId));
        assertThat(again.tasks().get(t.id())).isPresent();
    }

    @Test
    void discardAtLogoutRevertsToTheServersState() {
        UserStore a = stores.login(alice);
        UUID synced = UUID.randomUUID();
        a.sync().applyPull(List.of(serverTask(synced, "server title", 1)), "c1");
        a.edits().update(synced, TaskEdit.none().title("local title"));
        a.edits().create(TaskEdit.none().title("never synced"));

        stores.logout(UnsyncedChanges.DISCARD);

        UserStore again = stores.login(alice);
        assertThat(again.hasUnsyncedChanges()).isFalse();
        assertThat(titles(again)).containsExactly("server title");
        assertThat(again.sync().cursor()).contains("c1");
    }

    @Test
    void forgetDeviceDeletesTheUsersFilesOnly() throws Exception {
        stores.login(bob).edits().create(TaskEdit.none().title("bob stays"));
        stores.logout(UnsyncedChanges.KEEP);
        UserStore a = stores.login(alice);
        a.edits().create(TaskEdit.none().title("x"));
        Path file = a.file();
        assertThat(Files.exists(file.resolveSibling(file.getFileName() + "-wal"))).isTrue();

        stores.forgetDevice(alice);

        assertThat(a.isOpen()).isFalse();
        assertThat(stores.current()).isEmpty();
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.startsWith(stores.databaseFile(bob).getFileName().toString()));
        }
        assertThat(titles(stores.login(alice))).isEmpty();
        stores.logout(UnsyncedChanges.KEEP);
        assertThat(titles(stores.login(bob))).containsExactly("bob stays");
    }
}
