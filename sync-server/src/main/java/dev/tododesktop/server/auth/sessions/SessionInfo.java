package dev.tododesktop.server.auth.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A live session as the session list shows it. */
public record SessionInfo(UUID id, Optional<String> deviceName, Instant createdAt, Instant lastUsedAt) {}
