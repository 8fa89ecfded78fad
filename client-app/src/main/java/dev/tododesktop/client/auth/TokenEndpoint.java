package dev.tododesktop.client.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.auth.RefreshRequest;
import dev.tododesktop.contract.auth.TokenResponse;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code POST /api/auth/refresh}, sent exactly once per call: never retried here, because the
 * server rotates refresh tokens and treats a second use of the old one as theft.
 */
public final class TokenEndpoint {

    private static final MediaType JSON = MediaType.get("application/json");

    /** What the refresh endpoint said. */
    public sealed interface Answer {
        record Issued(TokenResponse tokens) implements Answer {
            @Override
            public String toString() {
                return "Issued[user=" + tokens.user().id() + ", tokens=<redacted>]";
            }
        }

        /** The server refused this refresh token (401, 400, 422): the session is over. */
        record Rejected(int status) implements Answer {}

        /** No usable answer (network, 5xx, 429): the token may still be good. */
        record Unreachable(String reason) implements Answer {}
    }

    private final OkHttpClient client;
    private final HttpUrl refreshUrl;
    private final ObjectMapper mapper;

    /** @param client a client without the bearer interceptor and with connection-failure retries off */
    public TokenEndpoint(OkHttpClient client, HttpUrl baseUrl, ObjectMapper mapper) {
        this.client = client;
        this.refreshUrl = baseUrl.resolve(ApiPaths.AUTH_REFRESH);
        this.mapper = mapper;
    }

    public Answer refresh(String refreshToken) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(new RefreshRequest(refreshToken));
        } catch (IOException e) {
            return new Answer.Unreachable("could not encode the refresh request");
        }
        Request request = new Request.Builder().url(refreshUrl).post(RequestBody.create(body, JSON)).build();
        try (Response response = client.newCall(request).execute()) {
            int status = response.code();
            if (response.isSuccessful()) {
                return new Answer.Issued(mapper.readValue(response.body().bytes(), TokenResponse.class));
            }
            if (status == 429 || status >= 500) {
                return new Answer.Unreachable("the server answered " + status + " to the token refresh");
            }
            return new Answer.Rejected(status);
        } catch (IOException e) {
            return new Answer.Unreachable("token refresh failed: " + e.getClass().getSimpleName());
        }
    }
}
