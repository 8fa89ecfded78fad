package dev.tododesktop.server.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The auth meters: {@code todo.auth.logins{result}}, {@code todo.auth.rate_limited{limit}}, {@code todo.auth.token.validation}. */
public final class AuthMetrics {

    private final MeterRegistry registry;
    private final Counter loginSuccess;
    private final Counter loginFailure;
    private final Timer tokenValidation;

    public AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.loginSuccess = Counter.builder("todo.auth.logins").tag("result", "success")
                .description("Login attempts by result").register(registry);
        this.loginFailure = Counter.builder("todo.auth.logins").tag("result", "failure")
                .description("Login attempts by result").register(registry);
        this.tokenValidation = Timer.builder("todo.auth.token.validation")
                .description("Time to check an access token and its session")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        for (String limit : new String[] {"account", "address", "registration"}) {
            rateLimitedCounter(limit);
        }
    }

    public void loginSucceeded() {
        loginSuccess.increment();
    }

    public void loginFailed() {
        loginFailure.increment();
    }

    public void rateLimited(String limit) {
        rateLimitedCounter(limit).increment();
    }

    public Timer tokenValidation() {
        return tokenValidation;
    }

    private Counter rateLimitedCounter(String limit) {
        return Counter.builder("todo.auth.rate_limited").tag("limit", limit)
                .description("Auth requests refused by a rate limit").register(registry);
    }
}
