package dev.tododesktop.client.auth;

/** Why the client is signed out, so the UI can word its message. */
public enum SignOutReason {
    /** Nobody has signed in yet in this run (or no saved login was found). */
    NOT_SIGNED_IN,
    /** The user logged out. */
    LOGGED_OUT,
    /** The server no longer accepts the refresh token: expired, revoked elsewhere, or reused. */
    SESSION_ENDED,
    /** The account was deleted. */
    ACCOUNT_DELETED,
    /** The new refresh token could not be kept anywhere, so the session could not continue. */
    CREDENTIALS_NOT_STORED
}
