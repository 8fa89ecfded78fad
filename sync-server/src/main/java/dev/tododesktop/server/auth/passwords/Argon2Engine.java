package dev.tododesktop.server.auth.passwords;

/** Computes a raw Argon2id hash; two implementations so a platform without the native library still works. */
interface Argon2Engine {

    byte[] hash(int memoryKib, int iterations, int parallelism, byte[] password, byte[] salt, int length);

    String name();
}
