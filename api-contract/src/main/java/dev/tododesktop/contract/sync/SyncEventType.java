package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The event names of the {@code /events} stream. Written in lower case; an unknown value fails reading. */
public enum SyncEventType {
    READY("ready"),
    CHANGED("changed");

    private final String wire;

    SyncEventType(String wire) {
        this.wire = wire;
    }

    /** The value as it appears in JSON and query strings. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static SyncEventType fromWire(String value) {
        for (var candidate : values()) {
            if (candidate.wire.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown SyncEventType '" + value + "'; expected one of "
                + Arrays.stream(values()).map(SyncEventType::wire).toList() + ".");
    }
}
