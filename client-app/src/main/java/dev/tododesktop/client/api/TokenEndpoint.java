package dev.tododesktop.client.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.auth.TokenRefresher;
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
 * {@link TokenRefresher} over HTTP: {@code POST /api/auth/refresh}, sent exactly once per call: never retried here, because the
 * server rotates refresh tokens and treats a second use of the old one as theft.
 */
public final class TokenEndpoint implements TokenRefresher {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final HttpUrl refreshUrl;
    private final ObjectMapper mapper;

    /** @param client a client without the bearer interceptor and with connection-failure retries off */
    public TokenEndpoint(OkHttpClient client, HttpUrl baseUrl, ObjectMapper mapper) {
        this.client = client;
        this.refreshUrl = baseUrl.resolve(ApiPaths.AUTH_REFRESH);
        this.mapper = mapper;
    }

    @Override
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
