package dev.tododesktop.store.session;

import dev.tododesktop.store.Fixtures;
import dev.tododesktop.testing.MutableClock;
import java.nio.file.Path;

/** A real store in a temp dir with a hand-moved clock. */
public final class StoreFixture {
    private StoreFixture() {
    }

    public static MutableClock clock() {
        return new MutableClock(Fixtures.T0);
    }

    public static UserStore open(Path dir, MutableClock clock) {
        return UserStore.open(dir.resolve("user.db"), clock);
    }
}
