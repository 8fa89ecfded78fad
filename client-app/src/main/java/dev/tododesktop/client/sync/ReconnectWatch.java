package dev.tododesktop.client.sync;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices the way back to the server sooner than a backoff would: while the server is
 * unreachable it asks for {@code /health} every {@code probeInterval} (one cheap request that is
 * not retried), and it watches the machine's network interfaces, since a new address (Wi-Fi
 * joined, cable plugged, VPN up) leaves the event stream on a connection that may be dead.
 * Java has no network-change event, so the interfaces are compared every few seconds.
 */
final class ReconnectWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectWatch.class);
    static final Duration NETWORK_CHECK = Duration.ofSeconds(3);

    /** What the engine does about it, on the watch's thread. */
    interface Hints {
        /** Whether the server was unreachable at the last try (round or stream). */
        boolean unreachable();

        /** The server answered the probe. */
        void serverAnswers();

        /** The machine's network changed. */
        void networkChanged();
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final BooleanSupplier probe;
    private final Hints hints;
    private String lastNetwork;

    /** @param probe asks the server once; true when it answered */
    ReconnectWatch(BooleanSupplier probe, Hints hints) {
        this.probe = probe;
        this.hints = hints;
    }

    void start(Duration probeInterval, boolean watchNetwork) {
        timer.scheduleWithFixedDelay(this::probeIfUnreachable, probeInterval.toMillis(), probeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        if (watchNetwork) {
            lastNetwork = network();
            timer.scheduleWithFixedDelay(this::checkNetwork, NETWORK_CHECK.toMillis(), NETWORK_CHECK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void probeIfUnreachable() {
        try {
            if (hints.unreachable() && probe.getAsBoolean() && hints.unreachable()) {
                log.info("the sync server answers again");
                hints.serverAnswers();
            }
        } catch (RuntimeException e) {
            log.warn("reconnect probe failed", e);
        }
    }

    private void checkNetwork() {
        try {
            String now = network();
            if (!Objects.equals(now, lastNetwork)) {
                lastNetwork = now;
                log.info("network interfaces changed: reconnecting");
                hints.networkChanged();
            }
        } catch (RuntimeException e) {
            log.warn("network check failed", e);
        }
    }

    /** The interfaces that are up and their addresses, as one comparable string. */
    static String network() {
        try {
            List<String> up = NetworkInterface.networkInterfaces()
                    .filter(ReconnectWatch::isUp)
                    .map(i -> i.getName() + "=" + i.inetAddresses().map(a -> a.getHostAddress()).sorted()
                            .collect(Collectors.joining(",")))
                    .sorted()
                    .toList();
            return String.join(";", up);
        } catch (SocketException e) {
            return "unknown";
        }
    }

    private static boolean isUp(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
