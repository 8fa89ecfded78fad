package dev.tododesktop.client.api;

import dev.tododesktop.client.auth.SessionKeeper;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds {@code Authorization: Bearer <access token>} to every request unless it is tagged {@link Anonymous}. */
public final class BearerInterceptor implements Interceptor {

    /** Tag for requests that must go without a token (login, register). */
    public enum Anonymous {
        REQUEST
    }

    private final SessionKeeper session;

    public BearerInterceptor(SessionKeeper session) {
        this.session = session;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(Anonymous.class) != null || request.header("Authorization") != null) {
            return chain.proceed(request);
        }
        var token = session.accessToken();
        if (token.isEmpty()) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token.get()).build());
    }
}
