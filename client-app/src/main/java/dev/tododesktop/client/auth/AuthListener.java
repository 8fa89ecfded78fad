package dev.tododesktop.client.auth;

/**
 * Told when the client signs in or out, on the thread that caused it (a network thread or the
 * refresh scheduler): a UI must hop to its own thread.
 */
@FunctionalInterface
public interface AuthListener {
    void authStateChanged(AuthState state);
}
