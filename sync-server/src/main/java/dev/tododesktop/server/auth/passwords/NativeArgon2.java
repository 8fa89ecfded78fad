package dev.tododesktop.server.auth.passwords;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.util.Optional;

/** The reference C implementation through argon2-jvm (JNA, libraries bundled for common platforms). */
final class NativeArgon2 implements Argon2Engine {

    private final Argon2Advanced argon2;

    private NativeArgon2(Argon2Advanced argon2) {
        this.argon2 = argon2;
    }

    /** Empty where the bundled library cannot be loaded on this platform. */
    static Optional<Argon2Engine> load() {
        try {
            var argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
            argon2.rawHash(1, 8, 1, new byte[1], new byte[16]);
            return Optional.of(new NativeArgon2(argon2));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] hash(int memoryKib, int iterations, int parallelism, byte[] password, byte[] salt, int length) {
        return argon2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                Argon2Version.V13);
    }

    @Override
    public String name() {
        return "native libargon2";
    }
}
