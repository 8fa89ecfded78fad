package dev.tododesktop.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tododesktop.contract.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what it refuses before any route runs (a URL or headers too large, a
 * request line or URI it cannot read, bad framing): a problem+json like every other error of
 * the API, whatever the request's {@code Accept} asks for, instead of Jetty's HTML page. It says
 * what was wrong in general terms and nothing about the server software. Each one is counted
 * in {@link RefusedRequests}, never logged on its own.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final RefusedRequests refused;

    ProblemErrorHandler(RefusedRequests refused) {
        this.refused = refused;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        refused.record(request.getAttribute(ERROR_STATUS) instanceof Integer status ? status : response.getStatus());
        return super.handle(request, response, callback);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (code == 501 || code == 505) {
            // An HTTP version or transfer coding nobody speaks is the client's mistake, not a server error.
            code = 400;
            response.setStatus(code);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    static byte[] body(int status) {
        try {
            return ServerJson.mapper().writeValueAsBytes(problem(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Problem problem(int status) {
        return switch (status) {
            case 404 -> ApiException.notFound().problem();
            case 405 -> ApiException.methodNotAllowed().problem();
            case 408 -> problem(408, "request-timeout", "Request timeout", "The request did not arrive in time.");
            case 413 -> ApiException.tooLarge().problem();
            case 414 -> problem(414, "uri-too-long", "URI too long", "The address and query are longer than this server accepts (8 KiB).");
            case 415 -> ApiException.unsupportedMediaType().problem();
            case 431 -> problem(431, "headers-too-large", "Request header fields too large",
                    "The request's headers are larger than this server accepts (8 KiB).");
            default -> status >= 500 ? ApiException.internal().problem()
                    : problem(status, "malformed-request", status == 400 ? "Malformed request" : "Request not accepted",
                    "The request could not be read as HTTP this server accepts.");
        };
    }

    private static Problem problem(int status, String slug, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null);
    }
}
