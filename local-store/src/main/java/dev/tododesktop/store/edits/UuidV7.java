package dev.tododesktop.store.edits;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/** Time-ordered UUIDs (RFC 9562 version 7), as the API recommends for client-chosen task ids. */
public final class UuidV7 implements Supplier<UUID> {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UuidV7(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID get() {
        long millis = clock.millis();
        byte[] rnd = new byte[10];
        random.nextBytes(rnd);
        long high = (millis << 16) | 0x7000L | ((rnd[0] & 0x0fL) << 8) | (rnd[1] & 0xffL);
        long low = 0x8000000000000000L | ((rnd[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (rnd[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
