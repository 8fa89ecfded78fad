package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The outcome of one sync mutation. Written in lower case; an unknown value fails reading. */
public enum MutationStatus {
    APPLIED("applied"),
    DUPLICATE("duplicate"),
    CONFLICT("conflict"),
    INVALID("invalid");

    private final String wire;

    MutationStatus(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in JSON and query strings. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static MutationStatus fromWire(String value) {
        for (var candidate : values()) {
            if (candidate.wire.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown MutationStatus '" + value + "'; expected one of "
                + Arrays.stream(values()).map(MutationStatus::wire).toList() + ".");
    }
}
