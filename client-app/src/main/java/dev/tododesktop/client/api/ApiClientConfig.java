package dev.tododesktop.client.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Settings of a {@link TodoApiClient}; build one with {@link TodoApiClient#builder}.
 *
 * @param readTimeout bounds each attempt's wait for an answer; retries come on top
 * @param proactiveRefreshFraction refresh an unused access token when this fraction of its lifetime has passed
 * @param deviceName names this device in the user's session list
 * @param credentialScope the server identity keychain entries are filed under (usually {@code baseUri})
 */
public record ApiClientConfig(
        URI baseUri,
        URI credentialScope,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy,
        Sleeper sleeper,
        RandomGenerator random,
        Clock clock,
        double proactiveRefreshFraction,
        String deviceName) {

    public ApiClientConfig {
        if (proactiveRefreshFraction <= 0 || proactiveRefreshFraction >= 1) {
            throw new IllegalArgumentException("proactiveRefreshFraction must be between 0 and 1");
        }
    }
}
