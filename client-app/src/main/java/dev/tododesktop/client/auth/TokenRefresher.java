package dev.tododesktop.client.auth;

import dev.tododesktop.contract.auth.TokenResponse;

/**
 * Trades a refresh token for new tokens ({@code POST /api/auth/refresh}), exactly once per call:
 * the server rotates refresh tokens and treats a second use of the old one as theft. The HTTP
 * side is {@code api.TokenEndpoint}; {@link SessionKeeper} only needs this.
 */
@FunctionalInterface
public interface TokenRefresher {

    /** What the refresh endpoint said. */
    sealed interface Answer {
        record Issued(TokenResponse tokens) implements Answer {
            @Override
            public String toString() {
                return "Issued[user=" + tokens.user().id() + ", tokens=<redacted>]";
            }
        }

        /** The server refused this refresh token (401, 400, 422): the session is over. */
        record Rejected(int status) implements Answer {}

        /** No usable answer (network, 5xx, 429): the token may still be good. */
        record Unreachable(String reason) implements Answer {}
    }

    Answer refresh(String refreshToken);
}
