package dev.tododesktop.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The fault layer between devices and the real server: forwards every request, and for a seeded
 * share of sync answers (after the server has acted on the request) drops the connection before
 * the answer, cuts the answer off halfway through its body, or delays it, briefly or past the
 * client's read timeout. It also records, as the server gave them, every push's mutations and
 * answers: the test's record of what the server did.
 */
final class FaultProxy implements AutoCloseable {
    private static final ObjectMapper JSON = ApiJson.mapper();

    enum Fault { DROP, TRUNCATE, DELAY, TIMEOUT }

    /** A mutation as sent and its answer as the server gave it (before any fault). */
    record Exchange(JsonNode mutation, JsonNode result) {}

    private final MockWebServer mock = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final HttpUrl target;
    private final RandomGenerator random;
    private final long timeoutDelayMillis;
    private volatile double faultRate;
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    /** mutation id -> its first answer that was not a replay. */
    private final Map<String, Exchange> firstAnswers = new ConcurrentHashMap<>();
    /** mutation id -> its stored answer as a replay gave it, for answers the proxy never saw first. */
    private final Map<String, Exchange> replays = new ConcurrentHashMap<>();
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicInteger pushesReceived = new AtomicInteger();
    private volatile long holdPushAnswersMillis;
    private volatile boolean dropPushAnswers;

    FaultProxy(URI target, RandomGenerator random, double faultRate, long timeoutDelayMillis) throws IOException {
        this.target = HttpUrl.get(target.toString());
        this.random = random;
        this.faultRate = faultRate;
        this.timeoutDelayMillis = timeoutDelayMillis;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
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

    /** 0 heals the network: every answer arrives. */
    void faultRate(double rate) {
        faultRate = rate;
    }

    Map<Fault, Integer> injected() {
        var out = new EnumMap<Fault, Integer>(Fault.class);
        injected.forEach((f, n) -> out.put(f, n.get()));
        return out;
    }

    int faultsInjected() {
        return injected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int pushes() {
        return pushes.get();
    }

    /** Pushes the server has answered (the answer may not have reached the device). */
    int pushesReceived() {
        return pushesReceived.get();
    }

    /** Drops every push answer (after the server gave it) until called with false. */
    void dropPushAnswers(boolean drop) {
        dropPushAnswers = drop;
    }

    /** Holds every push answer back this long after the server gave it (0: not at all). */
    void holdPushAnswers(long millis) {
        holdPushAnswersMillis = millis;
    }

    Map<String, Exchange> firstAnswers() {
        return Map.copyOf(firstAnswers);
    }

    Map<String, Exchange> replays() {
        return Map.copyOf(replays);
    }

    private synchronized Fault draw(boolean push) {
        double share = push ? faultRate : faultRate / 4;
        if (random.nextDouble() >= share) {
            return null;
        }
        return switch (random.nextInt(push ? 10 : 4)) {
            case 0, 1, 2, 3 -> Fault.DROP;
            case 4, 5, 6 -> Fault.TRUNCATE;
            case 7, 8 -> Fault.DELAY;
            default -> Fault.TIMEOUT;
        };
    }

    private synchronized long delayMillis() {
        return 50 + random.nextInt(400);
    }

    private MockResponse forward(RecordedRequest in) {
        boolean isSync = in.getUrl().encodedPath().endsWith("/sync");
        boolean isPush = isSync && "POST".equals(in.getMethod());
        byte[] body = Upstream.body(in);
        try (Response response = http.newCall(Upstream.request(in, target)).execute()) {
            String text = response.body().string();
            if (isPush && response.code() == 200) {
                pushes.incrementAndGet();
                record(body, text);
                pushesReceived.incrementAndGet();
            }
            MockResponse.Builder back = new MockResponse.Builder().code(response.code());
            String type = response.header("Content-Type");
            if (type != null) {
                back.setHeader("Content-Type", type);
            }
            for (String name : new String[] {"WWW-Authenticate", "Retry-After"}) {
                String value = response.header(name);
                if (value != null) {
                    back.setHeader(name, value);
                }
            }
            back.body(text);
            if (isPush && holdPushAnswersMillis > 0) {
                back.headersDelay(holdPushAnswersMillis, TimeUnit.MILLISECONDS);
            }
            Fault fault = isPush && dropPushAnswers ? Fault.DROP : isSync ? draw(isPush) : null;
            if (fault != null) {
                injected.get(fault).incrementAndGet();
                switch (fault) {
                    // The server has acted on the request; the client never hears about it.
                    case DROP -> back.onResponseStart(new SocketEffect.CloseSocket());
                    // The headers and part of the body arrive, then the connection breaks.
                    case TRUNCATE -> back.onResponseBody(new SocketEffect.CloseSocket());
                    case DELAY -> back.headersDelay(delayMillis(), TimeUnit.MILLISECONDS);
                    case TIMEOUT -> back.headersDelay(timeoutDelayMillis, TimeUnit.MILLISECONDS);
                }
            }
            return back.build();
        } catch (IOException e) {
            // The server went away mid-request (a restart): the client sees a broken connection.
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        }
    }

    private void record(byte[] request, String response) throws IOException {
        JsonNode mutations = JSON.readTree(request).get("mutations");
        JsonNode results = JSON.readTree(response).get("results");
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            String id = result.get("mutation_id").asText();
            var exchange = new Exchange(mutations.get(i), result);
            if (result.path("replayed").asBoolean() || "duplicate".equals(result.path("status").asText())) {
                replays.putIfAbsent(id, exchange);
            } else {
                firstAnswers.putIfAbsent(id, exchange);
            }
        }
    }

    @Override
    public void close() {
        try {
            mock.close();
        } catch (AssertionError stillDelaying) {
            // A connection still held in a delay when the run ended; its thread ends with the delay.
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
