package dev.tododesktop.client.keychain;

import java.net.URI;

/** Run in a child JVM by {@link DeadBusKeychainTest}: prints what the app's store reports at start-up. */
public final class KeychainProbe {

    private KeychainProbe() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        KeychainStatus status = CredentialStores.forThisMachine(URI.create("http://127.0.0.1:8080")).status();
        System.out.println("status=" + status);
        System.out.println("millis=" + (System.nanoTime() - started) / 1_000_000);
        System.exit(0); // a hung keychain thread must not keep the probe alive
    }
}
