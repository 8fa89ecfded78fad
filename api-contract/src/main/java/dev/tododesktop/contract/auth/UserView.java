package dev.tododesktop.contract.auth;

import java.time.Instant;
import java.util.UUID;

/** The signed-in user as the API shows it; {@code name} is null when none was given at registration. */
public record UserView(UUID id, String email, String name, Instant createdAt) {}
