package dev.tododesktop.server.auth;

import dev.tododesktop.contract.auth.UserView;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A user account row. {@link #toString()} leaves out the password hash. */
public record Account(UUID id, String email, String emailKey, Optional<String> name, String passwordHash, Instant createdAt) {

    public UserView view() {
        return new UserView(id, email, name.orElse(null), createdAt);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + "]";
    }
}
