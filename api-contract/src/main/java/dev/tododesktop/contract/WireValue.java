package dev.tododesktop.contract;

import java.util.Arrays;

/** An enum written on the wire (JSON, query strings) by a fixed lower-case name. */
public interface WireValue {

    /** The value as it appears in JSON and query strings. */
    String wire();

    /**
     * The constant of {@code type} written {@code value}.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     *                                  (the server answers that with 400)
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        for (E candidate : constants) {
            if (candidate.wire().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " '" + value + "'; expected one of "
                + Arrays.stream(constants).map(WireValue::wire).toList() + ".");
    }
}
