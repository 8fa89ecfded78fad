package dev.tododesktop.client.keychain;

/** Where refresh tokens are being kept, so the app can tell the user when a login will not survive a restart. */
public sealed interface KeychainStatus {

    /** The operating system's keychain (Secret Service, macOS Keychain, Windows Credential Manager). */
    record OsKeychain(String backend) implements KeychainStatus {}

    /** Only in this process's memory: signing in again is needed after the app restarts. */
    record SessionOnly(String reason) implements KeychainStatus {}
}
