package dev.tododesktop.client.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A byte-for-byte TCP proxy on loopback in front of the real server, so an app's network can be
 * pulled and plugged back in. Unlike an HTTP-level proxy it passes the event stream through
 * as it flows. {@link #cut()} drops every open connection and refuses new ones (each is closed as
 * soon as it is accepted) until {@link #restore()}; the port never changes, so the app's settings
 * keep pointing at it.
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public CuttableTcpProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
    }

    /** The address the app should use instead of the server's. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** Pulls the plug: open connections (the event stream included) drop, new ones are refused. */
    public void cut() {
        cut.set(true);
        for (Socket s : open) {
            quietly(s);
        }
        open.clear();
    }

    /** Plugs it back in. */
    public void restore() {
        cut.set(false);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut.get()) {
                quietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                quietly(client);
                quietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            if (cut.get()) { // cut while connecting
                quietly(client);
                quietly(upstream);
                continue;
            }
            Thread.ofVirtual().start(() -> pump(client, upstream));
            Thread.ofVirtual().start(() -> pump(upstream, client));
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away (or was cut): end both
        } finally {
            quietly(from);
            quietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        quietly(listener);
        cut();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
