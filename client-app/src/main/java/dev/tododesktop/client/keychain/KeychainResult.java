package dev.tododesktop.client.keychain;

/** The outcome of one keychain call: its value, or why the keychain could not answer. */
public sealed interface KeychainResult<T> {

    record Ok<T>(T value) implements KeychainResult<T> {}

    /** No keychain answered (none installed, locked, no session bus, or it did not answer in time). */
    record Unavailable<T>(String reason) implements KeychainResult<T> {}

    static <T> KeychainResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> KeychainResult<T> unavailable(String reason) {
        return new Unavailable<>(reason);
    }
}
