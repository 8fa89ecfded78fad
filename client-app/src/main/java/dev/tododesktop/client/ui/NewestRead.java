package dev.tododesktop.client.ui;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders the results of background reads that repaint one thing (a list, a count, a status):
 * a result lands only if no read that started after it has landed already. Tickets are taken
 * when a read <em>runs</em>, not when it is asked for, so a read that waited in a queue still
 * counts as new; together with reading the request's parameters at that moment, the newest
 * request always wins and nothing older overwrites it.
 */
public final class NewestRead {

    private final AtomicLong started = new AtomicLong();
    // Only touched where results land (the FX thread, or the test's ui executor).
    private long landed;

    /** Call on the reading thread as the read begins. */
    public long start() {
        return started.incrementAndGet();
    }

    /** Call where results land; true (and remembered) when {@code ticket} is the newest so far. */
    public boolean land(long ticket) {
        if (ticket <= landed) {
            return false;
        }
        landed = ticket;
        return true;
    }
}
