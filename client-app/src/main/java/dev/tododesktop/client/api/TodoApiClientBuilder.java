package dev.tododesktop.client.api;

import dev.tododesktop.client.keychain.CredentialStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Builds a {@link TodoApiClient}; every setting has a default fit for the desktop app. */
public final class TodoApiClientBuilder {

    private final URI baseUri;
    private final CredentialStore store;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(15);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.REAL;
    private RandomGenerator random = RandomGenerator.getDefault();
    private Clock clock = Clock.systemUTC();
    private double proactiveRefreshFraction = 0.8;
    private String deviceName = defaultDeviceName();
    private Optional<ScheduledExecutorService> scheduler = Optional.empty();
    private Optional<URI> credentialScope = Optional.empty();

    TodoApiClientBuilder(URI baseUri, CredentialStore store) {
        this.baseUri = baseUri;
        this.store = store;
    }

    public TodoApiClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    public TodoApiClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    public TodoApiClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
        return this;
    }

    public TodoApiClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    public TodoApiClientBuilder random(RandomGenerator random) {
        this.random = random;
        return this;
    }

    public TodoApiClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public TodoApiClientBuilder proactiveRefreshFraction(double fraction) {
        this.proactiveRefreshFraction = fraction;
        return this;
    }

    public TodoApiClientBuilder deviceName(String name) {
        this.deviceName = name;
        return this;
    }

    /**
     * Which server the keychain entry belongs to, when that is not the base URI: the embedded
     * server listens on a new port each run, yet the login saved for it must be found again.
     */
    public TodoApiClientBuilder credentialScope(URI scope) {
        this.credentialScope = Optional.of(scope);
        return this;
    }

    /** Runs early token refreshes; by default the client owns a daemon thread for it. */
    public TodoApiClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Optional.of(scheduler);
        return this;
    }

    public TodoApiClient build() {
        var config = new ApiClientConfig(baseUri, credentialScope.orElse(baseUri), connectTimeout, readTimeout,
                retryPolicy, sleeper, random, clock, proactiveRefreshFraction, deviceName);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                // Shorter than a server's usual idle timeout, so a pooled connection is rarely stale.
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS))
                .build();
        ScheduledExecutorService refreshScheduler = scheduler.orElseGet(TodoApiClientBuilder::ownScheduler);
        Runnable onClose = () -> {
            if (scheduler.isEmpty()) {
                refreshScheduler.shutdownNow();
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        };
        return new TodoApiClient(config, store, http, refreshScheduler, onClose);
    }

    private static ScheduledExecutorService ownScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "token-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String defaultDeviceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME")))
                .orElse("this computer");
        return "Todo Desktop on " + host;
    }
}
