package dev.tododesktop.server.auth;

import dev.tododesktop.contract.auth.UserView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/auth/me} answered from memory for a short while. An account's id, email, name
 * and creation time never change through the API; only deletion matters, and deletion also ends
 * every session, which the access check sees first. So the bound is the same as for sessions:
 * at once on this instance ({@link #forget}), within {@code ttl} on others.
 */
final class AccountViews {

    private static final int MAX_ENTRIES = 50_000;

    private final AccountStore accounts;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<UUID, Cached> views = new ConcurrentHashMap<>();

    AccountViews(AccountStore accounts, Clock clock, Duration ttl) {
        this.accounts = accounts;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    Optional<UserView> find(UUID userId) {
        long now = clock.millis();
        var cached = views.get(userId);
        if (cached != null && now - cached.loadedAt < ttlMillis) {
            return Optional.of(cached.view);
        }
        var view = accounts.byId(userId).map(Account::view);
        view.ifPresentOrElse(v -> {
            if (views.size() >= MAX_ENTRIES) {
                views.clear();
            }
            views.put(userId, new Cached(v, now));
        }, () -> views.remove(userId));
        return view;
    }

    void forget(UUID userId) {
        views.remove(userId);
    }

    private record Cached(UserView view, long loadedAt) {}
}
