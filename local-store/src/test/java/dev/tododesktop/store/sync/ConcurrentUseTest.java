package dev.tododesktop.store.sync;

import static dev.tododesktop.store.Fixtures.serverTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.session.StoreFixture;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.tasks.Task;
import dev.tododesktop.store.tasks.TaskEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI thread edits while the sync thread pushes and pulls; nothing may be lost or interleaved badly. */
class ConcurrentUseTest {
    @TempDir
    Path dir;

    @Test
    void editsDuringSyncAreAllKept() throws Exception {
        try (UserStore store = StoreFixture.open(dir, StoreFixture.clock());
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<List<UUID>> ui = pool.submit(() -> {
                List<UUID> created = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    created.add(store.edits().create(TaskEdit.none().title("ui " + i)).id());
                }
                return created;
            });
            Future<Integer> syncer = pool.submit(() -> {
                int acked = 0;
                long version = 0;
                for (int round = 0; round < 40; round++) {
                    for (Mutation m : store.sync().nextBatch(5)) {
                        Task t = store.tasks().get(m.taskId()).orElseThrow();
                        store.sync().acknowledge(List.of(new MutationResult.Applied(m.mutationId(),
                                Optional.of(serverTask(t, ++version)))));
                        acked++;
                    }
                    store.sync().applyPull(List.of(serverTask(UUID.randomUUID(), "remote " + round, ++version)),
                            "c" + round);
                }
                return acked;
            });
            List<UUID> created = ui.get();
            int acked = syncer.get();

            for (UUID id : created) {
                assertThat(store.tasks().get(id)).isPresent();
            }
            assertThat(store.sync().pendingCount()).isEqualTo(created.size() - acked);
            assertThat(store.sync().cursor()).contains("c39");
        }
    }
}
