package dev.tododesktop.client.auth;

/** The result of asking for a usable access token after one was rejected or is about to expire. */
public sealed interface RefreshOutcome {

    /** A usable access token (possibly refreshed by another caller a moment ago). */
    record Refreshed(String accessToken) implements RefreshOutcome {
        @Override
        public String toString() {
            return "Refreshed[accessToken=<redacted>]";
        }
    }

    /** The refresh token was rejected, or there is none: the client is now signed out. */
    record SignedOut(SignOutReason reason) implements RefreshOutcome {}

    /** The server could not be asked (offline, 5xx, 429); the session is kept for a later try. */
    record NotNow(String reason) implements RefreshOutcome {}
}
