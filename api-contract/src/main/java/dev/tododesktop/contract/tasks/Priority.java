package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** A task's priority. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum Priority {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in JSON and query strings. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static Priority fromWire(String value) {
        for (var candidate : values()) {
            if (candidate.wire.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown Priority '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Priority::wire).toList() + ".");
    }
}
