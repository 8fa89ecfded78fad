package dev.tododesktop.contract;

/** One failing field of a 422 problem: {@code field} is the JSON name, {@code message} is for people. */
public record FieldError(String field, String message) {}
