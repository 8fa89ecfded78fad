package dev.tododesktop.contract;

import java.util.Objects;

/** One failing field of a 422 problem: the JSON name of the field and a sentence a person can read. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
