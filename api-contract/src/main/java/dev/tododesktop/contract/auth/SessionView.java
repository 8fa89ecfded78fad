package dev.tododesktop.contract.auth;

import java.time.Instant;
import java.util.UUID;

/** One signed-in device; {@code current} marks the session of the token that asked. */
public record SessionView(UUID id, String deviceName, Instant createdAt, Instant lastUsedAt, boolean current) {}
