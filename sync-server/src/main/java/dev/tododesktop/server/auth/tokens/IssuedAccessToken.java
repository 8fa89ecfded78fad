package dev.tododesktop.server.auth.tokens;

import java.time.Instant;

/** A freshly signed access token and when it expires. */
public record IssuedAccessToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedAccessToken[expiresAt=" + expiresAt + "]";
    }
}
