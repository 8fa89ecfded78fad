package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** The {@code order} query parameter of the task list. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum SortOrder implements WireValue {
    ASC("asc"),
    DESC("desc");

    private final String wire;

    SortOrder(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static SortOrder fromWire(String value) {
        return WireValue.parse(SortOrder.class, value);
    }
}
