package dev.tododesktop.store.session;

/** What logout does with edits the server has not acknowledged; the UI asks the user. */
public enum UnsyncedChanges {
    /** Leave them in the file; the next login of the same user sees them pending and pushes them. */
    KEEP,
    /** Drop the outbox and open conflicts; every task reverts to the server's last known state. */
    DISCARD
}
