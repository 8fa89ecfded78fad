package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** A task's priority. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum Priority implements WireValue {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static Priority fromWire(String value) {
        return WireValue.parse(Priority.class, value);
    }
}
