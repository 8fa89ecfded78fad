package dev.tododesktop.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem: the body of every error response ({@code application/problem+json}). */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
