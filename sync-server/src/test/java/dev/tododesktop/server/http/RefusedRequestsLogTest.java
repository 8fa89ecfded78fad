package dev.tododesktop.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tododesktop.server.TodoServer;
import dev.tododesktop.server.testing.Backend;
import dev.tododesktop.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Requests Jetty refuses before any route sees them (a malformed Host, a URI it cannot read)
 * cost an unauthenticated sender nothing, so they must not cost the operator a WARN line each:
 * a scanner's thousands of them are counted in a metric, and the log says so at most now and then.
 */
class RefusedRequestsLogTest {

    @TempDir
    Path dir;

    TodoServer server;
    ListAppender<ILoggingEvent> log;
    Logger root;

    @BeforeEach
    void start() throws Exception {
        // The standalone server's own logging configuration, not the tests' quieter one.
        configureLogback("todo-server-logback.xml");
        server = TestServer.start(Backend.SQLITE, dir);
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log = new ListAppender<>();
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() throws Exception {
        root.detachAppender(log);
        server.close();
        configureLogback("logback-test.xml");
    }

    private static void configureLogback(String resource) throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(RefusedRequestsLogTest.class.getClassLoader().getResource(resource));
    }

    @Test
    void aScannersBadHostsAndUrisAreCountedNotLoggedOneByOne() throws Exception {
        var requests = List.of(
                "GET /health HTTP/1.1\r\nHost: bad host!!\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: a:99999999\r\nConnection: close\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /a/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        int sent = 0;
        var statuses = new java.util.TreeSet<String>();
        for (int round = 0; round < 40; round++) {
            for (String request : requests) {
                statuses.add(send(request));
                sent++;
            }
        }
        assertThat(statuses).as("every one refused").allSatisfy(s -> assertThat(s).startsWith("HTTP/1.1 4"));
        var lines = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(e -> !e.getLoggerName().startsWith("org.flywaydb"))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertThat(lines).as("log lines for " + sent + " refused requests").hasSizeLessThanOrEqualTo(2);
        var counted = server.metrics().find("http.server.refused").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(counted).as("refused requests counted in the metric").isGreaterThanOrEqualTo(sent - 5);
    }

    private String send(String request) throws Exception {
        try (var socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\r') {
                out.write(b);
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
