package dev.tododesktop.client.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries idempotent requests after a network error, a timeout, a 429 or a 502/503/504, at most
 * {@link RetryPolicy#maxAttempts()} attempts in all. The last failure is passed on unchanged for
 * the caller to turn into a typed result. Installed as the first application interceptor, so
 * every attempt gets the current access token from the interceptor after it.
 */
final class RetryInterceptor implements Interceptor {

    /** Tag for a request tried once whatever its method (a health probe that is itself repeated). */
    enum SingleAttempt { REQUEST }

    private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean retryable = Idempotent.isIdempotent(request) && request.tag(SingleAttempt.class) == null;
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = !retryable || attempt >= policy.maxAttempts();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (lastAttempt || chain.call().isCanceled()) {
                    throw e;
                }
                log.info("{} {} failed ({}), retry {} of {}", request.method(), request.url().encodedPath(),
                        e.getClass().getSimpleName(), attempt, policy.maxAttempts() - 1);
                pause(policy.backoff(attempt, random));
                continue;
            }
            if (lastAttempt || !RETRYABLE_STATUS.contains(response.code())) {
                return response;
            }
            // Retry-After (429, sometimes 503) is the server's own estimate: better than a guess.
            Optional<Duration> retryAfter = HttpResponses.retryAfter(response);
            if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0) {
                return response; // too long to hold the caller: let it decide
            }
            int retry = attempt;
            Duration wait = retryAfter.orElseGet(() -> policy.backoff(retry, random));
            log.info("{} {} answered {}, retry {} of {} in {} ms", request.method(), request.url().encodedPath(),
                    response.code(), attempt, policy.maxAttempts() - 1, wait.toMillis());
            response.close();
            pause(wait);
        }
    }

    private void pause(Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
