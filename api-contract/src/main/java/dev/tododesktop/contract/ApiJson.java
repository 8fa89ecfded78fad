package dev.tododesktop.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * The one Jackson configuration both sides of the API use: snake_case names, timestamps as
 * RFC 3339 UTC with milliseconds, unknown fields ignored (so an older client survives a newer
 * server). Nulls are written (a task's {@code due_at: null} is data); a field that is only
 * sometimes present carries {@code @JsonInclude(NON_NULL)} itself.
 */
public final class ApiJson {

    /** RFC 3339, UTC, always three fraction digits: {@code 2026-11-24T04:10:00.123Z}. */
    public static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .toFormatter()
            .withZone(java.time.ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = newMapper();

    private ApiJson() {}

    /** A shared, thread-safe mapper. Do not reconfigure it; call {@link #newMapper()} for a copy to change. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper newMapper() {
        var instants = new SimpleModule("api-instants")
                .addSerializer(Instant.class, new RfcInstantSerializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(instants)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Jackson otherwise reads {"title": 5} as "5"; the contract calls a wrong type malformed (400).
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** Truncates to milliseconds and always writes them, as the contract requires. */
    private static final class RfcInstantSerializer extends InstantSerializer {
        private static final long serialVersionUID = 1L;

        RfcInstantSerializer() {
            super(InstantSerializer.INSTANCE, false, false, TIMESTAMP);
        }
    }
}
