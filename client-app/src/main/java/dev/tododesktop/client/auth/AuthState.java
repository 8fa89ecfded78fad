package dev.tododesktop.client.auth;

import dev.tododesktop.contract.auth.UserView;

/** Whether someone is signed in. Tokens are deliberately not part of it: it is safe to log and to show. */
public sealed interface AuthState {

    record SignedIn(UserView user) implements AuthState {}

    /** Signed out. Local data (the offline outbox) is untouched: it belongs to the local store. */
    record SignedOut(SignOutReason reason) implements AuthState {}
}
