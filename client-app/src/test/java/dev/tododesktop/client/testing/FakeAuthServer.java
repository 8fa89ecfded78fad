package dev.tododesktop.client.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tododesktop.contract.ApiJson;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.Problem;
import dev.tododesktop.contract.auth.RefreshRequest;
import dev.tododesktop.contract.auth.TokenResponse;
import dev.tododesktop.contract.auth.UserView;
import java.time.Instant;
import java.util.UUID;
import mockwebserver3.MockResponse;

/** Canned answers of the sync server for MockWebServer scripts. */
public final class FakeAuthServer {

    public static final UserView USER = new UserView(
            UUID.fromString("0191f000-0000-7000-8000-000000000001"), "ada@example.com", "Ada",
            Instant.parse("2026-11-24T04:00:00.000Z"));

    private FakeAuthServer() {}

    public static MockResponse tokens(String access, String refresh, long expiresIn) {
        return json(200, TokenResponse.bearer(access, expiresIn, refresh, 2_592_000, USER));
    }

    public static MockResponse ok(Object body) {
        return json(200, body);
    }

    public static MockResponse invalidToken() {
        return new MockResponse.Builder().code(401)
                .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .setHeader("Content-Type", Problem.MEDIA_TYPE)
                .body(write(Problem.of(401, "Unauthorized", "The access token is expired.")))
                .build();
    }

    public static MockResponse problem(Problem problem) {
        return new MockResponse.Builder().code(problem.status())
                .setHeader("Content-Type", Problem.MEDIA_TYPE)
                .body(write(problem))
                .build();
    }

    public static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    public static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(write(body)).build();
    }

    public static boolean isRefresh(mockwebserver3.RecordedRequest request) {
        return request.getUrl().encodedPath().equals(ApiPaths.AUTH_REFRESH);
    }

    public static String refreshTokenOf(mockwebserver3.RecordedRequest request) {
        try {
            return ApiJson.mapper().readValue(request.getBody().utf8(), RefreshRequest.class).refreshToken();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String write(Object body) {
        try {
            return ApiJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
