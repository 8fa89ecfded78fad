package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;

/** How a push or a pull ended: done, or stopped by the server's answer or by the engine. */
sealed interface RoundStep {
    RoundStep DONE = new Done();

    record Done() implements RoundStep {}

    /** The server's answer that ended the step (never {@link ApiResult.Ok}). */
    record Refused(ApiResult<?> answer) implements RoundStep {}

    /** The step stopped for a reason of its own. */
    record Stopped(SyncReport.Outcome outcome, String error) implements RoundStep {}
}
