package dev.tododesktop.server.auth.sessions;

import java.util.UUID;

/** What presenting a refresh token did. */
public sealed interface RefreshOutcome {

    /** The token was current: it is now retired and {@code session} carries its successor. */
    record Rotated(NewSession session) implements RefreshOutcome {}

    /** The token had already been used: treated as theft, the whole session is now revoked. */
    record Reused(UUID sessionId) implements RefreshOutcome {}

    /** Unknown token, or its session has ended. */
    record Rejected() implements RefreshOutcome {}
}
