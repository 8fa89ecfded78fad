package dev.tododesktop.server.http;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Problem;
import java.io.Serial;
import java.util.List;
import java.util.Map;

/**
 * A request that ends in a problem response. Handlers throw it; {@link HttpSetup} writes it as
 * {@code application/problem+json} with its headers. Build one through the factories, which
 * hold the contract's status codes and problem types in one place.
 */
public final class ApiException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final String TYPE_PREFIX = Problem.TYPE_PREFIX;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return problem.status();
    }

    private static ApiException of(int status, String slug, String title, String detail) {
        return new ApiException(new Problem(TYPE_PREFIX + slug, title, status, detail, null), Map.of());
    }

    public static ApiException badRequest(String detail) {
        return of(400, "malformed-request", "Malformed request", detail);
    }

    /** 400 about one field (unknown, of the wrong type, twice): the problem names it in {@code errors} too. */
    public static ApiException badRequest(String field, String detail) {
        return new ApiException(new Problem(TYPE_PREFIX + "malformed-request", "Malformed request", 400, detail,
                List.of(new FieldError(field, detail))), Map.of());
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(Problem.validation(errors), Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /** 401 where no token was sent (or credentials were wrong): no {@code error=} in the challenge. */
    public static ApiException unauthenticated(String detail) {
        return new ApiException(new Problem(TYPE_PREFIX + "unauthorized", "Unauthorized", 401, detail, null),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 401 for a token that was sent and is not acceptable. */
    public static ApiException invalidToken(String detail) {
        return new ApiException(new Problem(TYPE_PREFIX + "invalid-token", "Unauthorized", 401, detail, null),
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    public static ApiException notFound() {
        return of(404, "not-found", "Not found", "There is nothing at this address.");
    }

    public static ApiException methodNotAllowed() {
        return of(405, "method-not-allowed", "Method not allowed", "This address does not accept that method.");
    }

    public static ApiException conflict(String slug, String detail) {
        return of(409, slug, "Conflict", detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return of(412, "version-mismatch", "Precondition failed", detail);
    }

    public static ApiException tooLarge() {
        return of(413, "body-too-large", "Request body too large", "The request body is larger than 1 MiB.");
    }

    public static ApiException unsupportedMediaType() {
        return unsupportedMediaType("Send the body as application/json.");
    }

    public static ApiException unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    /** 403: a browser page from an origin the server does not list; nothing was read or changed. */
    public static ApiException originNotAllowed() {
        return of(403, "origin-not-allowed", "Forbidden",
                "Requests from this web origin are not accepted; the server lists the origins it serves in TODO_CORS_ORIGINS.");
    }

    public static ApiException tooManyRequests(long retryAfterSeconds, String detail) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ApiException(new Problem(TYPE_PREFIX + "rate-limited", "Too many requests", 429, detail, null),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public static ApiException serviceUnavailable(String detail) {
        return of(503, "unavailable", "Service unavailable", detail);
    }

    public static ApiException internal() {
        return of(500, "internal-error", "Internal server error", "Something went wrong on the server; the request was not applied.");
    }
}
