package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.contract.Problem;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync round: push the outbox, then pull to the end of the server's log, and say how it
 * went. Runs on the scheduler's worker only, so rounds never overlap.
 */
final class SyncRound {

    private static final Logger log = LoggerFactory.getLogger(SyncRound.class);

    /**
     * @param retryAfter  the server's own wait (429), instead of the backoff's
     * @param unreachable the server did not answer at all (so a health probe may notice it back)
     */
    record Result(SyncReport report, Optional<Duration> retryAfter, boolean unreachable) {}

    private final OutboxPush push;
    private final ChangePull pull;
    private final BooleanSupplier signedInAsUs;
    private final BooleanSupplier stopped;

    SyncRound(OutboxPush push, ChangePull pull, BooleanSupplier signedInAsUs, BooleanSupplier stopped) {
        this.push = push;
        this.pull = pull;
        this.signedInAsUs = signedInAsUs;
        this.stopped = stopped;
    }

    Result run() {
        long startNanos = System.nanoTime();
        RoundCounts counts = new RoundCounts();
        try {
            if (stopped.getAsBoolean() || !signedInAsUs.getAsBoolean()) {
                return result(counts.report(SyncReport.Outcome.SIGNED_OUT, Optional.of("signed out"), startNanos));
            }
            RoundStep step = push.run(counts);
            if (step instanceof RoundStep.Done) {
                step = pull.run(counts);
            }
            return switch (step) {
                case RoundStep.Done d -> result(counts.report(SyncReport.Outcome.OK, Optional.empty(), startNanos));
                case RoundStep.Stopped(var outcome, var error) -> result(counts.report(outcome, Optional.of(error), startNanos));
                case RoundStep.Refused(var answer) -> failure(answer, counts, startNanos);
            };
        } catch (RuntimeException e) {
            // A store failure (disk full, store closed under us): report it, retry later.
            log.warn("sync round failed: {}", e.toString());
            return result(new RoundCounts().report(SyncReport.Outcome.FAILED,
                    Optional.of("local store: " + e.getClass().getSimpleName()), startNanos));
        }
    }

    private Result failure(ApiResult<?> answer, RoundCounts counts, long startNanos) {
        return switch (answer) {
            case ApiResult.Offline<?>(String reason) -> new Result(
                    counts.report(SyncReport.Outcome.OFFLINE, Optional.of("offline: " + reason), startNanos),
                    Optional.empty(), true);
            case ApiResult.ServerError<?>(int status, String detail) -> result(
                    counts.report(SyncReport.Outcome.OFFLINE, Optional.of("server error " + status), startNanos));
            case ApiResult.RateLimited<?>(Duration wait) -> new Result(counts.report(SyncReport.Outcome.OFFLINE,
                    Optional.of("rate limited for " + wait.toSeconds() + " s"), startNanos), Optional.of(wait), false);
            case ApiResult.Unauthorized<?> u -> signedInAsUs.getAsBoolean()
                    ? result(counts.report(SyncReport.Outcome.FAILED, Optional.of("unauthorized"), startNanos))
                    : result(counts.report(SyncReport.Outcome.SIGNED_OUT, Optional.of("signed out"), startNanos));
            case ApiResult.Rejected<?>(Problem problem) -> result(counts.report(SyncReport.Outcome.FAILED,
                    Optional.of("refused: " + problem.status() + " " + Objects.requireNonNullElse(problem.title(), "")),
                    startNanos));
            case ApiResult.Ok<?> ok -> throw new IllegalArgumentException("not a failure");
        };
    }

    private static Result result(SyncReport report) {
        return new Result(report, Optional.empty(), false);
    }
}
