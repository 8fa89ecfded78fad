package dev.tododesktop.client.sync;

import dev.tododesktop.client.api.ApiResult;
import dev.tododesktop.client.api.SyncApi;
import dev.tododesktop.contract.sync.SyncPushRequest;
import dev.tododesktop.contract.sync.SyncPushResponse;
import dev.tododesktop.store.outbox.Mutation;
import dev.tododesktop.store.session.UserStore;
import dev.tododesktop.store.sync.MutationResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** The push half of a round: sends the outbox in order, batch by batch, and records the answers. */
final class OutboxPush {

    private final UserStore store;
    private final SyncApi api;
    private final int batchSize;
    private final BooleanSupplier stopped;

    OutboxPush(UserStore store, SyncApi api, int batchSize, BooleanSupplier stopped) {
        this.store = store;
        this.api = api;
        this.batchSize = batchSize;
        this.stopped = stopped;
    }

    RoundStep run(RoundCounts counts) {
        // Push in batches until the outbox is empty. Each push also acknowledges the answers
        // stored since the last one, so the server can forget them (docs/sync.md, "Answers").
        while (true) {
            List<Mutation> batch = store.sync().nextBatch(batchSize);
            if (batch.isEmpty()) {
                return RoundStep.DONE;
            }
            List<UUID> acknowledged = store.sync().answersToAcknowledge(SyncPushRequest.MAX_ACKNOWLEDGED);
            ApiResult<SyncPushResponse> answer = api.push(
                    new SyncPushRequest(batch.stream().map(Wire::toContract).toList(), acknowledged));
            if (!(answer instanceof ApiResult.Ok<SyncPushResponse>(SyncPushResponse response))) {
                return new RoundStep.Refused(answer);
            }
            List<MutationResult> results = response.results().stream().map(Wire::toStore).toList();
            store.sync().acknowledge(results);
            store.sync().answersDelivered(acknowledged);
            Set<UUID> sent = new HashSet<>();
            batch.forEach(m -> sent.add(m.mutationId()));
            int answered = 0;
            for (MutationResult result : results) {
                if (!sent.contains(result.mutationId())) {
                    continue;
                }
                answered++;
                if (result.replayed()) {
                    counts.duplicates++;
                }
                switch (result) {
                    case MutationResult.Duplicate d -> { }
                    case MutationResult.Conflict c -> counts.conflicts++;
                    case MutationResult.Invalid i -> counts.invalid++;
                    case MutationResult.Applied a -> { }
                }
            }
            counts.pushed += answered;
            if (answered == 0) {
                // Without this the loop would resend the same batch forever.
                return new RoundStep.Stopped(SyncReport.Outcome.FAILED, "the server answered none of the pushed changes");
            }
            if (stopped.getAsBoolean()) {
                return new RoundStep.Stopped(SyncReport.Outcome.CLOSED, "stopped");
            }
        }
    }
}
