package dev.tododesktop.server.auth.passwords;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Pure Java; about four times slower than the native library here, so only the fallback. */
final class BouncyCastleArgon2 implements Argon2Engine {

    @Override
    public byte[] hash(int memoryKib, int iterations, int parallelism, byte[] password, byte[] salt, int length) {
        var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String name() {
        return "BouncyCastle (pure Java)";
    }
}
