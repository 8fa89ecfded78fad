package dev.tododesktop.client.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.Done;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.sync.CursorEvent;
import dev.tododesktop.contract.sync.SyncEventType;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent event stream ({@code GET /api/{user_id}/events}) that tells the sync engine
 * when to pull. Get it from {@link TodoApiClient#events()}. Goes through the same token refresh
 * as every other call.
 */
public final class EventsApi {

    /** Longer than the server's 15 s heartbeat, so a silent dead connection is noticed. */
    static final Duration STREAM_READ_TIMEOUT = Duration.ofSeconds(45);

    private static final Logger log = LoggerFactory.getLogger(EventsApi.class);

    private final TodoApiClient client;
    private final OkHttpClient streamingHttp;
    private final ObjectMapper mapper;
    private final ResultReader reader;

    EventsApi(TodoApiClient client, OkHttpClient http, ObjectMapper mapper, ResultReader reader) {
        this.client = client;
        this.streamingHttp = http.newBuilder().readTimeout(STREAM_READ_TIMEOUT).build();
        this.mapper = mapper;
        this.reader = reader;
    }

    /** Opens the stream on a virtual thread; events and the end of the stream go to {@code listener}. */
    public EventSubscription listen(SyncEventListener listener) {
        Optional<UUID> user = client.userId();
        Request request = new Request.Builder()
                .url(client.url(ApiPaths.events(user.orElse(new UUID(0, 0)))))
                .header("Accept", "text/event-stream")
                .get()
                .build();
        Call call = streamingHttp.newCall(request);
        if (user.isEmpty()) {
            call.cancel();
            listener.onClosed(client.signedOut());
            return new EventSubscription(call);
        }
        Thread.ofVirtual().name("sync-events").start(() -> stream(call, listener));
        return new EventSubscription(call);
    }

    private void stream(Call call, SyncEventListener listener) {
        ApiResult<Done> outcome;
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                outcome = reader.read(response, client.type(Done.class));
            } else {
                readEvents(response.body().source(), listener);
                outcome = new ApiResult.Ok<>(Done.DONE);
            }
        } catch (IOException e) {
            if (call.isCanceled()) {
                return; // closed by the caller: nothing to report
            }
            outcome = new ApiResult.Offline<>("the event stream broke off (" + e.getClass().getSimpleName() + ")");
        }
        listener.onClosed(outcome);
    }

    /** The subset of the SSE format the server uses: {@code event:}, {@code data:}, comments, blank-line dispatch. */
    private void readEvents(BufferedSource source, SyncEventListener listener) throws IOException {
        String eventName = "message";
        var data = new StringBuilder();
        for (String line; (line = source.readUtf8Line()) != null; ) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    dispatch(eventName, data.toString(), listener);
                }
                eventName = "message";
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // keep-alive comment
            } else if (line.startsWith("event:")) {
                eventName = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring("data:".length()).stripLeading());
            }
        }
    }

    private void dispatch(String eventName, String data, SyncEventListener listener) {
        try {
            listener.onEvent(SyncEventType.fromWire(eventName), mapper.readValue(data, CursorEvent.class));
        } catch (IOException | IllegalArgumentException unknown) {
            // A newer server's event this client does not know: skip it, keep the stream.
            log.debug("Skipped an unreadable {} event", eventName);
        } catch (RuntimeException listenerFailure) {
            log.warn("A sync event listener failed", listenerFailure);
        }
    }
}
