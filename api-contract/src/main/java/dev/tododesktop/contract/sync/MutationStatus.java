package dev.tododesktop.contract.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tododesktop.contract.WireValue;

/** The outcome of one sync mutation. Written in lower case; an unknown value fails reading. */
public enum MutationStatus implements WireValue {
    APPLIED("applied"),
    DUPLICATE("duplicate"),
    CONFLICT("conflict"),
    INVALID("invalid");

    private final String wire;

    MutationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code value} is none of them */
    @JsonCreator
    public static MutationStatus fromWire(String value) {
        return WireValue.parse(MutationStatus.class, value);
    }
}
