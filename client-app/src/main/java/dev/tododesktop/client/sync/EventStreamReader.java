package dev.tododesktop.client.sync;

import java.io.IOException;
import okio.BufferedSource;

/**
 * A minimal {@code text/event-stream} parser (the subset the sync server speaks): {@code event:}
 * and {@code data:} fields, a blank line dispatches, lines starting with {@code :} are comments
 * (heartbeats). Multi-line data is joined with newlines, as the spec says.
 */
final class EventStreamReader {

    interface Handler {
        void onEvent(String type, String data);
    }

    private EventStreamReader() {
    }

    /** Reads until the stream ends (returns) or fails (throws). */
    static void read(BufferedSource source, Handler handler) throws IOException {
        String type = null;
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    handler.onEvent(type == null ? "message" : type, data.toString());
                }
                type = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                default -> {
                    // id, retry and unknown fields carry nothing the engine needs
                }
            }
        }
    }
}
