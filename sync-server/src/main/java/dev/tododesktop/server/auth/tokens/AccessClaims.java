package dev.tododesktop.server.auth.tokens;

import java.time.Instant;
import java.util.UUID;

/** What a verified access token says: whose it is, for which session, until when. */
public record AccessClaims(UUID userId, UUID sessionId, Instant expiresAt) {}
