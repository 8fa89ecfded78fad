package dev.tododesktop.server.auth;

import java.util.UUID;

/** Who a request acts for: the token's subject and the session it belongs to. */
public record Principal(UUID userId, UUID sessionId) {}
