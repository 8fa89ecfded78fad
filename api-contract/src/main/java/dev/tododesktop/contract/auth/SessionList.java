package dev.tododesktop.contract.auth;

import java.util.List;

/** {@code GET /api/auth/sessions}. */
public record SessionList(List<SessionView> items) {
    public SessionList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
