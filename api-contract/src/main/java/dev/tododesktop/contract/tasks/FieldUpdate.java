package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a partial update, telling apart the three things JSON can say about it:
 * <ul>
 *   <li>{@link Keep}: the field is absent, so the stored value stays;</li>
 *   <li>{@link Clear}: the field is present with {@code null}, e.g. {@code "due_at": null} removes a due date;</li>
 *   <li>{@link SetTo}: the field is present with a value.</li>
 * </ul>
 * A plain nullable field cannot tell the first two apart. With the shared
 * {@link dev.tododesktop.contract.ApiJson#mapper()} an absent property reads as {@code Keep} and
 * {@code null} as {@code Clear}; when writing, {@code Keep} is left out (the property must carry
 * {@code @JsonInclude(NON_EMPTY)}, as {@link TaskUpdate}'s do) and {@code Clear} is written as {@code null}.
 */
@JsonSerialize(using = FieldUpdateJson.Serializer.class)
@JsonDeserialize(using = FieldUpdateJson.Deserializer.class)
public sealed interface FieldUpdate<T> {

    /** Absent: leave the stored value as it is. */
    record Keep<T>() implements FieldUpdate<T> {}

    /** Present with {@code null}: remove the stored value. */
    record Clear<T>() implements FieldUpdate<T> {}

    /** Present with a value: replace the stored value. */
    record SetTo<T>(T value) implements FieldUpdate<T> {
        public SetTo {
            Objects.requireNonNull(value, "value; use FieldUpdate.clear() for null");
        }
    }

    static <T> FieldUpdate<T> keep() {
        return new Keep<>();
    }

    static <T> FieldUpdate<T> clear() {
        return new Clear<>();
    }

    static <T> FieldUpdate<T> set(T value) {
        return new SetTo<>(value);
    }

    /** {@code set(value)}, or {@code clear()} when {@code value} is null. */
    static <T> FieldUpdate<T> setOrClear(T value) {
        return value == null ? clear() : set(value);
    }

    /** Whether the update names this field at all, i.e. it is not {@link Keep}. */
    default boolean isPresent() {
        return !(this instanceof Keep<T>);
    }

    /** The field's new value given its current one: {@code current}, {@code null} or the new value. */
    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> _ -> current;
            case Clear<T> _ -> null;
            case SetTo<T>(T value) -> value;
        };
    }

    /** Transforms a {@link SetTo}'s value; {@link Keep} and {@link Clear} stay as they are. */
    default <R> FieldUpdate<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Keep<T> _ -> keep();
            case Clear<T> _ -> clear();
            case SetTo<T>(T value) -> set(mapper.apply(value));
        };
    }
}
