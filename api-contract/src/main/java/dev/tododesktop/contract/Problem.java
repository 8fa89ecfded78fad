package dev.tododesktop.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem, the body of every error response ({@code application/problem+json}).
 * {@code errors} lists the failing fields: on 422 answers, on 400 answers about one field (unknown,
 * of the wrong type, given twice), and on sync results marked {@code invalid}.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457: a problem whose meaning is just its HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";
    /** Problem types this API defines are URNs under this prefix, e.g. {@code urn:todo-desktop:problem:rate-limited}. */
    public static final String TYPE_PREFIX = "urn:todo-desktop:problem:";
    /** The type of a 422 answer, so clients can recognise field errors without parsing titles. */
    public static final String VALIDATION_TYPE = TYPE_PREFIX + "validation-failed";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** A problem that needs no type of its own beyond the status, e.g. 404 or 401. */
    public static Problem of(int status, String title, String detail) {
        return new Problem(ABOUT_BLANK, title, status, detail, null);
    }

    /** The 422 answer listing every failing field; {@code errors} must not be empty. */
    public static Problem validation(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation problem needs at least one field error");
        }
        return new Problem(VALIDATION_TYPE, "Validation failed", 422,
                errors.size() == 1 ? "One field is not valid." : errors.size() + " fields are not valid.",
                errors);
    }
}
