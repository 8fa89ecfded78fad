package dev.tododesktop.client.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Seeded input generators for the property-style tests. Each case gets its own generator from
 * {@link #forSeed}, so a failing case is replayed by running the test with the seed named in its
 * display name and message.
 */
public final class RandomInputs {

    private RandomInputs() {}

    /** The generator for one case; {@link SplittableRandom} mixes the seed, so neighbouring seeds are unrelated. */
    public static RandomGenerator forSeed(long seed) {
        return new SplittableRandom(seed);
    }

    public static boolean chance(RandomGenerator rng, double probability) {
        return rng.nextDouble() < probability;
    }

    public static <T> T pick(RandomGenerator rng, List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    /** An index into {@code weights}, each chosen in proportion to its weight. */
    public static int weighted(RandomGenerator rng, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A size in {@code [min, max]} that hits both bounds (and {@code min + 1}) far more often than uniform would. */
    public static int size(RandomGenerator rng, int min, int max) {
        return switch (weighted(rng, 1, 1, 1, 7)) {
            case 0 -> min;
            case 1 -> Math.min(min + 1, max);
            case 2 -> max;
            default -> rng.nextInt(min, max + 1);
        };
    }

    /** A version-4 UUID drawn from {@code rng}, so ids are the same on every replay of a seed. */
    public static UUID uuid(RandomGenerator rng) {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
