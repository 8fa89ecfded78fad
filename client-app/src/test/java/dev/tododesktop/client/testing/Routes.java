package dev.tododesktop.client.testing;

import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** A MockWebServer dispatcher from a lambda, for scripts that depend on the request. */
public final class Routes extends Dispatcher {

    private final Function<RecordedRequest, MockResponse> handler;

    private Routes(Function<RecordedRequest, MockResponse> handler) {
        this.handler = handler;
    }

    public static Routes of(Function<RecordedRequest, MockResponse> handler) {
        return new Routes(handler);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        return handler.apply(request);
    }
}
