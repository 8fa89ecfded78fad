package dev.tododesktop.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tododesktop.contract.ApiJson;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the server reads request JSON: the contract's names and records, but strict where the
 * shared mapper is tolerant (the desktop app reads responses with that one, and a tolerant reader
 * is right there). Every field accepts exactly its documented type: no number as a timestamp or
 * a boolean, no {@code 1.5} as an integer, no string as a number, timestamps only as RFC 3339
 * strings, ids only as canonical UUIDs, and no field the request does not define. Nesting and
 * number length are bounded far above any real request and far below what costs the server.
 */
public final class StrictJson {

    /** Deeper than any request of the API (a push is four levels) and shallow enough to cost nothing. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** A {@code long} has 19 digits; a longer number is not one the API uses. */
    public static final int MAX_NUMBER_LENGTH = 40;
    public static final int MAX_NAME_LENGTH = 200;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        ObjectMapper mapper = ApiJson.newMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength((int) HttpSetup.MAX_BODY_BYTES)
                .build());
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
                LogicalType.Enum, LogicalType.Textual, LogicalType.POJO, LogicalType.Collection, LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert);
        mapper.registerModule(new SimpleModule("strict-request-scalars")
                .addDeserializer(Instant.class, new Rfc3339Instant())
                .addDeserializer(UUID.class, new CanonicalUuid()));
        return mapper;
    }

    /**
     * An RFC 3339 {@code date-time}: {@code 2026-11-24T04:10:00.123Z} or with an offset such as
     * {@code +01:00}, any number of fraction digits (kept to the nanosecond). An ISO 8601 expanded
     * year ({@code +10000-01-01T...}) is read too, so that a timestamp that is well formed but
     * outside years 0001-9999 fails validation by its range (422) rather than as "not a timestamp";
     * one too far for {@link Instant} reads as {@link Instant#MIN} or {@link Instant#MAX}.
     */
    static final class Rfc3339Instant extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;
        private static final Pattern DATE_TIME = Pattern.compile(
                "([+-]\\d{4,10}|\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,30}))?([Zz]|[+-]\\d{2}:\\d{2})");

        Rfc3339Instant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                        "a timestamp is an RFC 3339 string, like \"2026-11-24T04:10:00.000Z\"");
            }
            String text = p.getText();
            return parse(text).orElseThrow(() -> ctxt.weirdStringException(text, Instant.class,
                    "not an RFC 3339 timestamp like \"2026-11-24T04:10:00.000Z\""));
        }

        static java.util.Optional<Instant> parse(String text) {
            Matcher m = DATE_TIME.matcher(text);
            if (text.length() > 64 || !m.matches()) {
                return java.util.Optional.empty();
            }
            try {
                long year = Long.parseLong(m.group(1));
                String fraction = m.group(7) == null ? "" : m.group(7);
                int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
                String zone = m.group(8);
                ZoneOffset offset = zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
                if (year < -999_999_999L || year > 999_999_999L) {
                    return java.util.Optional.of(year < 0 ? Instant.MIN : Instant.MAX);
                }
                return java.util.Optional.of(OffsetDateTime.of((int) year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos, offset)
                        .toInstant());
            } catch (DateTimeException | NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** {@code 8-4-4-4-12} hexadecimal digits, either case; nothing shorter, longer or decorated. */
    static final class CanonicalUuid extends StdScalarDeserializer<UUID> {
        private static final long serialVersionUID = 1L;

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) ctxt.handleUnexpectedToken(UUID.class, p.currentToken(), p, "an id is a UUID string");
            }
            String text = p.getText();
            if (!isCanonical(text)) {
                throw ctxt.weirdStringException(text, UUID.class, "not a UUID like \"0193a5e0-7b1c-7cc3-8d2e-5f6a7b8c9d0e\"");
            }
            return UUID.fromString(text);
        }

        static boolean isCanonical(String s) {
            if (s.length() != 36) {
                return false;
            }
            for (int i = 0; i < 36; i++) {
                char c = s.charAt(i);
                boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                    return false;
                }
            }
            return true;
        }
    }
}
