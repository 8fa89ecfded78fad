package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The {@code status} query parameter of the task list. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum TaskStatusFilter {
    ALL("all"),
    PENDING("pending"),
    COMPLETED("completed");

    private final String wire;

    TaskStatusFilter(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in JSON and query strings. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static TaskStatusFilter fromWire(String value) {
        for (var candidate : values()) {
            if (candidate.wire.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown TaskStatusFilter '" + value + "'; expected one of "
                + Arrays.stream(values()).map(TaskStatusFilter::wire).toList() + ".");
    }
}
