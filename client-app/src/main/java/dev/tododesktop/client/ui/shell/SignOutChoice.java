package dev.tododesktop.client.ui.shell;

/** What to do with changes that have not reached the server yet when signing out. */
public enum SignOutChoice {
    /** Try to sync first, then sign out keeping whatever is still unsent. */
    SYNC_NOW,
    /** Keep them on this computer; they are sent at the next sign-in of the same user. */
    KEEP_FOR_LATER,
    /** Throw them away; the tasks go back to the server's version. */
    DISCARD,
    CANCEL
}
