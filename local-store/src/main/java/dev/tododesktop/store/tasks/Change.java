package dev.tododesktop.store.tasks;

import java.util.Objects;
import java.util.function.Function;

/** Whether an edit touches a field: {@link Keep} leaves it alone, {@link Set} replaces it. */
public sealed interface Change<T> {

    record Keep<T>() implements Change<T> {
    }

    record Set<T>(T value) implements Change<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    default boolean isSet() {
        return this instanceof Set<T>;
    }

    default T orElse(T current) {
        return switch (this) {
            case Keep<T> _ -> current;
            case Set<T>(T value) -> value;
        };
    }

    default <R> Change<R> map(Function<? super T, ? extends R> f) {
        return switch (this) {
            case Keep<T> _ -> new Keep<>();
            case Set<T>(T value) -> new Set<>(f.apply(value));
        };
    }
}
