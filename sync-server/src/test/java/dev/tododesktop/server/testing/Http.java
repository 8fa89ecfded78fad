package dev.tododesktop.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** A small real HTTP client for tests: JSON in, status + headers + JSON out. */
public final class Http {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(30))
            .build();
    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return MAPPER.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, null, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, body, token, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /**
     * Sends {@code body} as JSON: a {@code String} is sent as it is (for malformed-JSON tests),
     * anything else is written with the contract's mapper.
     */
    public Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        RequestBody requestBody = null;
        if (body != null) {
            try {
                String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
                requestBody = RequestBody.create(text, JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        var request = new Request.Builder().url(base.resolve(path).toString()).method(method, requestBody);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try (var response = CLIENT.newCall(request.build()).execute()) {
            var hs = new java.util.LinkedHashMap<String, String>();
            for (var name : response.headers().names()) {
                hs.put(name, response.header(name));
            }
            return new Response(response.code(), hs, response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }
}
