package dev.tododesktop.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte: the fuzz test needs requests no well-behaved
 * client library sends (raw bytes in the request line, two {@code Authorization} headers,
 * 100 KB headers, bogus methods and framing). One request per connection.
 */
final class RawHttp {

    /** A request exactly as written: {@code head} is everything before the body, CRLFs included. */
    record Request(String method, byte[] head, byte[] body, boolean halfClose) {
        Request(String method, byte[] head, byte[] body) {
            this(method, head, body, false);
        }

        byte[] bytes() {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        /** The request line and headers as text, for failure messages (non-ASCII bytes as \xNN, long runs cut). */
        String describe() {
            return printable(head, 600) + (body.length == 0 ? "" : "\n[body " + body.length + " bytes] " + printable(body, 400));
        }
    }

    /** Builds requests; {@code Host}, {@code Content-Length} and {@code Connection: close} unless told otherwise. */
    static final class Builder {
        private final String method;
        private final byte[] target;
        private final List<byte[][]> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean contentLength = true;
        private boolean host = true;
        private String version = "HTTP/1.1";
        private boolean halfClose;

        Builder(String method, byte[] target) {
            this.method = method;
            this.target = target;
        }

        Builder(String method, String target) {
            this(method, target.getBytes(StandardCharsets.ISO_8859_1));
        }

        Builder header(String name, String value) {
            return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
        }

        Builder header(String name, byte[] value) {
            headers.add(new byte[][] {name.getBytes(StandardCharsets.ISO_8859_1), value});
            return this;
        }

        Builder body(byte[] newBody) {
            this.body = newBody;
            return this;
        }

        /** Leave out the automatic {@code Content-Length} (the case frames the body itself, e.g. chunked). */
        Builder noContentLength() {
            this.contentLength = false;
            return this;
        }

        /** Close our side after sending, so a server waiting for more body sees it end. */
        Builder halfClose() {
            this.halfClose = true;
            return this;
        }

        Builder noHost() {
            this.host = false;
            return this;
        }

        Builder version(String newVersion) {
            this.version = newVersion;
            return this;
        }

        Request build(int port) {
            var out = new ByteArrayOutputStream();
            out.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
            out.write(' ');
            out.writeBytes(target);
            out.write(' ');
            out.writeBytes(version.getBytes(StandardCharsets.ISO_8859_1));
            crlf(out);
            if (host) {
                line(out, "Host", ("127.0.0.1:" + port).getBytes(StandardCharsets.ISO_8859_1));
            }
            for (byte[][] h : headers) {
                line(out, new String(h[0], StandardCharsets.ISO_8859_1), h[1]);
            }
            if (contentLength && (body.length > 0 || method.equals("POST") || method.equals("PUT"))) {
                line(out, "Content-Length", Integer.toString(body.length).getBytes(StandardCharsets.ISO_8859_1));
            }
            line(out, "Connection", "close".getBytes(StandardCharsets.ISO_8859_1));
            crlf(out);
            return new Request(method, out.toByteArray(), body, halfClose);
        }

        private static void line(ByteArrayOutputStream out, String name, byte[] value) {
            out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
            out.write(':');
            out.write(' ');
            out.writeBytes(value);
            crlf(out);
        }

        private static void crlf(ByteArrayOutputStream out) {
            out.write('\r');
            out.write('\n');
        }
    }

    /** The answer; header names lower-cased; {@code nanos} from connect to the last body byte. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body, long nanos) {
        Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Duration elapsed() {
            return Duration.ofNanos(nanos);
        }
    }

    /** Thrown when the server closed or stalled instead of answering. */
    static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private RawHttp() {}

    static Reply send(int port, Request request, Duration timeout) {
        long start = System.nanoTime();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            var out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
                if (request.halfClose()) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer (413, 431) and close before it has read everything we send.
            }
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            String statusLine = readLine(in);
            if (statusLine == null) {
                throw new NoAnswer("the connection closed without an answer", null);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new NoAnswer("not an HTTP status line: " + statusLine, null);
            }
            int status = Integer.parseInt(parts[1]);
            var headers = new LinkedHashMap<String, List<String>>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
            byte[] body = readBody(in, request.method(), status, headers);
            return new Reply(status, headers, body, System.nanoTime() - start);
        } catch (SocketTimeoutException e) {
            throw new NoAnswer("no complete answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new NoAnswer("I/O error: " + e, e);
        }
    }

    private static byte[] readBody(InputStream in, String method, int status, Map<String, List<String>> headers) throws IOException {
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            return new byte[0];
        }
        var te = headers.getOrDefault("transfer-encoding", List.of());
        if (te.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            var out = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) {
                    throw new IOException("chunked body ended early");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip(), 16);
                if (size == 0) {
                    while (true) {
                        String trailer = readLine(in);
                        if (trailer == null || trailer.isEmpty()) {
                            return out.toByteArray();
                        }
                    }
                }
                out.writeBytes(in.readNBytes(size));
                readLine(in);
            }
        }
        var length = headers.getOrDefault("content-length", List.of());
        if (!length.isEmpty()) {
            return in.readNBytes(Integer.parseInt(length.getFirst()));
        }
        return in.readAllBytes();
    }

    /** A CRLF- (or LF-) terminated line as ISO-8859-1, or null at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    static String printable(byte[] bytes, int max) {
        var sb = new StringBuilder();
        int i = 0;
        for (; i < bytes.length && sb.length() < max; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r') {
                continue;
            }
            if (b == '\n' || (b >= 0x20 && b < 0x7F)) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02X", b));
            }
        }
        if (i < bytes.length) {
            sb.append("…(").append(bytes.length - i).append(" more bytes)");
        }
        return sb.toString();
    }
}
