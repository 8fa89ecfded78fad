package dev.tododesktop.client.api;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One connection to the server's change notifications ({@code GET /api/{user_id}/events}), read
 * with OkHttp's own {@code text/event-stream} parser. Made by {@link SyncApi#events()} on the
 * API client's OkHttp, so the bearer token and the single-flight refresh apply to it too.
 */
public final class EventStream {

    /** Receives the stream's events on the thread that called {@link #read}. */
    @FunctionalInterface
    public interface Handler {
        /** {@code type} is {@code message} when the server named none. */
        void onEvent(String type, String data);
    }

    /** How a {@link #read} ended. */
    public sealed interface End {
        /** The server ended a stream it had opened (a restart, a deploy). */
        record Ended() implements End {}

        /** The server answered something other than a stream (401 after a session ended, 503, …). */
        record Answered(int status) implements End {}

        /** The connection failed or was cancelled; {@code why} names the exception. */
        record Broken(String why) implements End {}
    }

    private final Call call;

    EventStream(Call call) {
        this.call = call;
    }

    /** Connects and reads until the stream ends, fails or is {@link #cancel}led; blocks. */
    public End read(Handler handler) {
        try (Response response = call.execute()) {
            if (response.code() != 200) {
                return new End.Answered(response.code());
            }
            var outcome = new End[] {new End.Ended()};
            EventSources.processResponse(response, new EventSourceListener() {
                @Override
                public void onEvent(EventSource source, String id, String type, String data) {
                    handler.onEvent(type == null ? "message" : type, data);
                }

                @Override
                public void onFailure(EventSource source, Throwable t, Response failed) {
                    outcome[0] = new End.Broken(t == null ? "no event stream" : t.getClass().getSimpleName());
                }
            });
            return outcome[0];
        } catch (IOException e) {
            return new End.Broken(e.getClass().getSimpleName());
        }
    }

    /** Ends a {@link #read} in progress (or the next one) from any thread. */
    public void cancel() {
        call.cancel();
    }
}
