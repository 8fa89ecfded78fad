package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** What a sync mutation does. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum MutationType implements WireValue {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    SET_COMPLETED("set_completed");

    private final String wire;

    MutationType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static MutationType fromWire(String value) {
        return WireValue.parse(MutationType.class, value);
    }
}
