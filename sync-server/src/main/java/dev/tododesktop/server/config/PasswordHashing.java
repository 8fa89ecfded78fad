package dev.tododesktop.server.config;

/**
 * Argon2id cost. The defaults are OWASP's minimum (m = 19 MiB, t = 2, p = 1); the environment
 * may raise them but not go below. Tests may lower them only through {@link #forTestsOnly()},
 * and stored hashes carry their own parameters (PHC string), so a change takes effect as users
 * log in (their hash is redone with the new cost).
 */
public record PasswordHashing(int memoryKib, int iterations, int parallelism) {

    public static final int OWASP_MEMORY_KIB = 19 * 1024;
    public static final int OWASP_ITERATIONS = 2;

    public PasswordHashing {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range: m=" + memoryKib
                    + " KiB, t=" + iterations + ", p=" + parallelism);
        }
    }

    public static PasswordHashing owaspMinimum() {
        return new PasswordHashing(OWASP_MEMORY_KIB, OWASP_ITERATIONS, 1);
    }

    /** Cheap hashing so tests can register many accounts; never reachable from the environment. */
    public static PasswordHashing forTestsOnly() {
        return new PasswordHashing(1024, 1, 1);
    }

    public boolean meetsOwaspMinimum() {
        return memoryKib >= OWASP_MEMORY_KIB && iterations >= OWASP_ITERATIONS;
    }

    @Override
    public String toString() {
        return "argon2id m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
