package dev.tododesktop.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A MockWebServer that forwards every request to the real server, and on demand scripts what
 * the real server cannot do on cue: cut the connection after a push was applied (its answer is
 * lost), or answer a pull with 410 as if the cursor were too old.
 */
final class CuttingProxy implements AutoCloseable {
    private static final ObjectMapper JSON = ApiJson.mapper();

    private final MockWebServer mock = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final HttpUrl target;
    private final AtomicBoolean cutNextPush = new AtomicBoolean();
    private final AtomicBoolean goneNextPull = new AtomicBoolean();
    private final AtomicBoolean pruneTombstones = new AtomicBoolean();
    private final AtomicInteger pushesForwarded = new AtomicInteger();
    private final List<UUID> pushedMutationIds = new CopyOnWriteArrayList<>();

    CuttingProxy(URI target) throws IOException {
        this.target = HttpUrl.get(target.toString());
        mock.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return forward(request);
            }
        });
        mock.start();
    }

    URI uri() {
        return mock.url("/").uri();
    }

    void cutNextPushAnswer() {
        cutNextPush.set(true);
    }

    void answerNextPullWithCursorGone() {
        goneNextPull.set(true);
    }

    /** Pulls answer without tombstones, as after the server pruned them. */
    void pruneTombstonesFromPulls() {
        pruneTombstones.set(true);
    }

    int pushesForwarded() {
        return pushesForwarded.get();
    }

    List<UUID> pushedMutationIds() {
        return List.copyOf(pushedMutationIds);
    }

    long distinctMutationIds() {
        return pushedMutationIds.stream().distinct().count();
    }

    private MockResponse forward(RecordedRequest in) {
        boolean isSync = in.getUrl().encodedPath().endsWith("/sync");
        boolean isPush = isSync && "POST".equals(in.getMethod());
        boolean isPullWithCursor = isSync && "GET".equals(in.getMethod()) && in.getUrl().queryParameter("cursor") != null;
        if (isPullWithCursor && goneNextPull.compareAndSet(true, false)) {
            return new MockResponse.Builder().code(410).setHeader("Content-Type", "application/problem+json")
                    .body("{\"type\":\"urn:todo-desktop:problem:cursor-expired\",\"title\":\"Cursor expired\","
                            + "\"status\":410,\"detail\":\"Pull again without a cursor.\"}")
                    .build();
        }
        byte[] body = Upstream.body(in);
        if (isPush) {
            try {
                for (JsonNode m : JSON.readTree(body).get("mutations")) {
                    pushedMutationIds.add(UUID.fromString(m.get("mutation_id").asText()));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Response response = http.newCall(Upstream.request(in, target)).execute()) {
            if (isPush) {
                pushesForwarded.incrementAndGet();
                if (cutNextPush.compareAndSet(true, false)) {
                    // The server has applied the push; the client never hears about it.
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
            }
            MockResponse.Builder back = new MockResponse.Builder().code(response.code());
            String type = response.header("Content-Type");
            if (type != null) {
                back.setHeader("Content-Type", type);
            }
            String wwwAuth = response.header("WWW-Authenticate");
            if (wwwAuth != null) {
                back.setHeader("WWW-Authenticate", wwwAuth);
            }
            String text = response.body().string();
            if (isSync && "GET".equals(in.getMethod()) && response.code() == 200 && pruneTombstones.get()) {
                var page = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text);
                var kept = JSON.createArrayNode();
                page.get("changes").forEach(c -> {
                    if (!c.get("deleted").asBoolean()) {
                        kept.add(c);
                    }
                });
                page.set("changes", kept);
                text = JSON.writeValueAsString(page);
            }
            return back.body(text).build();
        } catch (IOException e) {
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        }
    }

    @Override
    public void close() {
        mock.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
