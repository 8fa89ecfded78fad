package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** The {@code sort} query parameter of the task list. Written in lower case; any other value is rejected, which the server answers with 400. */
public enum TaskSort implements WireValue {
    CREATED("created"),
    UPDATED("updated"),
    TITLE("title"),
    DUE_DATE("due_date"),
    PRIORITY("priority");

    private final String wire;

    TaskSort(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static TaskSort fromWire(String value) {
        return WireValue.parse(TaskSort.class, value);
    }
}
