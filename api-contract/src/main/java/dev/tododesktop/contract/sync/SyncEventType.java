package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** The event names of the {@code /events} stream. Written in lower case; an unknown value fails reading. */
public enum SyncEventType implements WireValue {
    READY("ready"),
    CHANGED("changed");

    private final String wire;

    SyncEventType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static SyncEventType fromWire(String value) {
        return WireValue.parse(SyncEventType.class, value);
    }
}
