package dev.tododesktop.client.sync;

import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The test proxies' one way to pass a request a MockWebServer received on to the real server. */
final class Upstream {
    private Upstream() {
    }

    static byte[] body(RecordedRequest in) {
        return in.getBody() == null ? new byte[0] : in.getBody().toByteArray();
    }

    /** The same method, path, query, bearer token and body, sent to {@code target}. */
    static Request request(RecordedRequest in, HttpUrl target) {
        HttpUrl url = target.newBuilder().encodedPath(in.getUrl().encodedPath())
                .encodedQuery(in.getUrl().encodedQuery()).build();
        Request.Builder out = new Request.Builder().url(url);
        String auth = in.getHeaders().get("Authorization");
        if (auth != null) {
            out.header("Authorization", auth);
        }
        byte[] body = body(in);
        if ("GET".equals(in.getMethod()) || ("DELETE".equals(in.getMethod()) && body.length == 0)) {
            out.method(in.getMethod(), null);
        } else {
            out.method(in.getMethod(), RequestBody.create(body, MediaType.get("application/json")));
        }
        return out.build();
    }
}
