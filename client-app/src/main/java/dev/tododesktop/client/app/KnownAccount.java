package dev.tododesktop.client.app;

import dev.tododesktop.client.account.AuthOutcome;
import java.util.Objects;
import java.util.UUID;

/**
 * The account last signed in on this computer. Kept after signing out (forgotten with the
 * device) so the sign-in screen can offer its email and get its tasks ready while the password
 * is typed; never a secret, and never shown before the server has said who signed in.
 */
public record KnownAccount(UUID userId, String email) {

    public KnownAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
    }

    static KnownAccount of(AuthOutcome.SignedIn user) {
        return new KnownAccount(user.userId(), user.email());
    }

    /** Whether the server's answer names this very account. */
    boolean is(AuthOutcome.SignedIn user) {
        return userId.equals(user.userId()) && email.equals(user.email());
    }
}
