package dev.tododesktop.client.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tododesktop.client.Done;
import dev.tododesktop.contract.Problem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Response;

/** Runs a call and turns whatever happens into an {@link ApiResult}; nothing escapes as an exception. */
final class ResultReader {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectMapper mapper;

    ResultReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> ApiResult<T> execute(Call call, JavaType bodyType) {
        try (Response response = call.execute()) {
            return read(response, bodyType);
        } catch (RefreshingAuthenticator.RefreshUnavailableException e) {
            return new ApiResult.Offline<>(e.getMessage());
        } catch (SocketTimeoutException e) {
            return new ApiResult.Offline<>("the server did not answer in time");
        } catch (InterruptedIOException e) {
            return new ApiResult.Offline<>("the request was interrupted or timed out");
        } catch (IOException e) {
            return new ApiResult.Offline<>("could not reach the server (" + e.getClass().getSimpleName() + ")");
        }
    }

    <T> ApiResult<T> read(Response response, JavaType bodyType) throws IOException {
        int status = response.code();
        byte[] body = response.body().bytes();
        if (response.isSuccessful()) {
            if (bodyType.getRawClass() == Done.class) {
                @SuppressWarnings("unchecked")
                T done = (T) Done.DONE;
                return new ApiResult.Ok<>(done);
            }
            try {
                return new ApiResult.Ok<>(mapper.readValue(body, bodyType));
            } catch (IOException unreadable) {
                return new ApiResult.ServerError<>(status, "unreadable response body");
            }
        }
        Problem problem = problem(status, body, response.message());
        if (status == 401) {
            return new ApiResult.Unauthorized<>(problem);
        }
        if (status == 429) {
            return new ApiResult.RateLimited<>(HttpResponses.retryAfter(response).orElse(DEFAULT_RETRY_AFTER));
        }
        if (status >= 500) {
            return new ApiResult.ServerError<>(status, problem.detail() != null ? problem.detail() : problem.title());
        }
        return new ApiResult.Rejected<>(problem);
    }

    /** The server's problem body, or one made from the status when the body is not one (a proxy's HTML page). */
    private Problem problem(int status, byte[] body, String reasonPhrase) {
        try {
            Problem parsed = mapper.readValue(body, Problem.class);
            if (parsed != null && parsed.status() == status) {
                return parsed;
            }
        } catch (IOException | RuntimeException notAProblem) {
            // fall through to a generic problem
        }
        return Problem.of(status, reasonPhrase == null || reasonPhrase.isBlank() ? "HTTP " + status : reasonPhrase, null);
    }
}
