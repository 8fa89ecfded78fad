package dev.tododesktop.client.api;

import okhttp3.Call;

/** An open {@code /events} stream; closing it ends the stream without an {@code onClosed} callback. */
public final class EventSubscription implements AutoCloseable {

    private final Call call;

    EventSubscription(Call call) {
        this.call = call;
    }

    @Override
    public void close() {
        call.cancel();
    }
}
