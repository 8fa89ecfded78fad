package dev.tododesktop.server.auth.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A session row as the liveness check needs it. */
public record SessionState(UUID userId, Optional<Instant> revokedAt, Instant expiresAt, Instant lastUsedAt) {

    public boolean liveAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
