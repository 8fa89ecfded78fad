package dev.tododesktop.client.api;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every call of {@link TodoApiClient} answers; callers switch over it instead of catching
 * exceptions.
 */
public sealed interface ApiResult<T> {

    /** A 2xx answer and its body. */
    record Ok<T>(T value) implements ApiResult<T> {}

    /**
     * The server refused the request as it stands (400, 404, 409, 412, 413, 422): sending it
     * again unchanged will not help. A 422 lists the failing fields so a form can show them.
     */
    record Rejected<T>(Problem problem) implements ApiResult<T> {
        public int status() {
            return problem.status();
        }

        public List<FieldError> fieldErrors() {
            return problem.errors() == null ? List.of() : problem.errors();
        }

        /** The message for one form field, if the server named it. */
        public Optional<String> fieldError(String field) {
            return fieldErrors().stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst();
        }
    }

    /**
     * 401: wrong credentials on login, or the session could not be refreshed (the client is
     * then signed out and its listeners were told).
     */
    record Unauthorized<T>(Problem problem) implements ApiResult<T> {}

    /** 429 after the retries this request was allowed; try again after {@code retryAfter}. */
    record RateLimited<T>(Duration retryAfter) implements ApiResult<T> {}

    /** No answer: no network, connection refused or dropped, or a timeout. Local work is safe; sync later. */
    record Offline<T>(String reason) implements ApiResult<T> {}

    /** A 5xx, or an answer this client cannot read. */
    record ServerError<T>(int status, String detail) implements ApiResult<T> {}

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value of an {@link Ok}, else empty. */
    default Optional<T> okValue() {
        return this instanceof Ok<T>(T value) ? Optional.ofNullable(value) : Optional.empty();
    }

    /** Transforms an {@link Ok}'s value; every failure passes through unchanged. */
    default <U> ApiResult<U> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Ok<T>(T value) -> new Ok<>(mapper.apply(value));
            case Rejected<T>(Problem problem) -> new Rejected<>(problem);
            case Unauthorized<T>(Problem problem) -> new Unauthorized<>(problem);
            case RateLimited<T>(Duration retryAfter) -> new RateLimited<>(retryAfter);
            case Offline<T>(String reason) -> new Offline<>(reason);
            case ServerError<T>(int status, String detail) -> new ServerError<>(status, detail);
        };
    }
}
