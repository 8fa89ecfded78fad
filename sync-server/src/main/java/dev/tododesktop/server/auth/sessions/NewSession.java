package dev.tododesktop.server.auth.sessions;

import java.time.Instant;
import java.util.UUID;

/** A session just started (login, registration) or refreshed, with its new refresh token. */
public record NewSession(UUID userId, UUID sessionId, String refreshToken, Instant expiresAt) {
    @Override
    public String toString() {
        return "NewSession[userId=" + userId + ", sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
