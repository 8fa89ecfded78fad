package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What a sync mutation does. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum MutationType {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    SET_COMPLETED("set_completed");

    private final String wire;

    MutationType(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in JSON and query strings. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static MutationType fromWire(String value) {
        for (var candidate : values()) {
            if (candidate.wire.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown MutationType '" + value + "'; expected one of "
                + Arrays.stream(values()).map(MutationType::wire).toList() + ".");
    }
}
