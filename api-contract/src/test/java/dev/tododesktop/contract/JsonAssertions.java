package dev.tododesktop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON comparisons by tree, so key order and white space do not matter but every value does. */
public final class JsonAssertions {
    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private JsonAssertions() {}

    public static void assertWritesAs(Object value, String expectedJson) throws JsonProcessingException {
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(value))).isEqualTo(MAPPER.readTree(expectedJson));
    }

    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /** Reads {@code json} as {@code type} and checks that writing it back gives the same JSON. */
    public static <T> T assertRoundTrips(String json, Class<T> type) throws JsonProcessingException {
        T value = read(json, type);
        assertWritesAs(value, json);
        return value;
    }
}
