package dev.tododesktop.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Text;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads request bodies, and turns every way one can be wrong into a 4xx problem that says what
 * was wrong, never a 500 and never a silent repair. In order:
 * <ol>
 *   <li>415 unless {@code Content-Type} is {@code application/json} (a {@code charset}, if
 *       given, must be UTF-8), so a form or {@code text/plain} post from a web page is never
 *       taken for JSON;</li>
 *   <li>400 unless the bytes are UTF-8 (no overlong forms, encoded surrogates, code points
 *       beyond U+10FFFF, UTF-16 or UTF-32); one leading byte order mark is skipped, as RFC 8259
 *       allows;</li>
 *   <li>400 unless it is one JSON object within {@link StrictJson}'s bounds, with no key twice
 *       in any object (two parsers could read such a body differently);</li>
 *   <li>400 naming the field when a field is unknown or of the wrong type ({@link StrictJson});</li>
 *   <li>422 naming the field when a text holds NUL or half a surrogate pair ({@link Text#unstorable}).</li>
 * </ol>
 * Validation of values (lengths, ranges) is the services' and gives 422 too.
 */
public final class JsonBodies {

    private final ObjectMapper mapper = StrictJson.mapper();

    /** A value read from part of a body, or why it cannot be: a sync push reads each mutation so. */
    public sealed interface Bound<T> {
        record Value<T>(T value) implements Bound<T> {}

        record Refused<T>(ApiException problem) implements Bound<T> {}
    }

    public <T> T read(Context ctx, Class<T> type) {
        return switch (bind(readObject(ctx), type, UnaryOperator.identity())) {
            case Bound.Value<T>(T value) -> value;
            case Bound.Refused<T>(ApiException problem) -> throw problem;
        };
    }

    /** For endpoints whose body is optional (PATCH …/complete): empty or only white space means "no body". */
    public <T> Optional<T> readOptional(Context ctx, Class<T> type) {
        if (isBlank(ctx.bodyAsBytes())) {
            return Optional.empty();
        }
        return Optional.of(read(ctx, type));
    }

    /** The body as a JSON object that passed steps 1 to 3. */
    public ObjectNode readObject(Context ctx) {
        return readObject(ctx.bodyAsBytes(), ctx.header("Content-Type"));
    }

    /** {@link #readObject(Context)} on a body and its {@code Content-Type} (null when absent). */
    public ObjectNode readObject(byte[] body, String contentType) {
        if (body.length == 0) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        checkContentType(contentType);
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("The body is too deeply nested or holds a number, name or text too long for this API"
                    + " (at most " + StrictJson.MAX_NESTING_DEPTH + " levels, " + StrictJson.MAX_NUMBER_LENGTH + "-digit numbers).");
        } catch (JsonParseException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate")) {
                String field = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "";
                throw ApiException.badRequest(field, "Field '" + field + "' appears twice; send each field once.");
            }
            throw notJson(e);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ApiException.badRequest("The body must be a JSON object.");
        }
        return object;
    }

    /**
     * Reads {@code node} as {@code type} (step 4) and checks its text (step 5). {@code fieldName}
     * turns a path within {@code node} into the field name a problem reports.
     */
    public <T> Bound<T> bind(JsonNode node, Class<T> type, UnaryOperator<String> fieldName) {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String at = path(e);
            String field = fieldName.apply(at.isEmpty() || !at.endsWith(e.getPropertyName()) ? join(at, e.getPropertyName()) : at);
            return refused(ApiException.badRequest(field, "Field '" + field + "' is not part of this request."));
        } catch (InvalidFormatException e) {
            String field = fieldName.apply(path(e));
            return refused(ApiException.badRequest(field, "Field '" + field + "' has an unacceptable value: "
                    + safeValue(e.getValue()) + (e.getOriginalMessage().contains(": not ")
                    ? " (" + e.getOriginalMessage().substring(e.getOriginalMessage().lastIndexOf(": not ") + 2) + ")." : ".")));
        } catch (ValueInstantiationException e) {
            String field = fieldName.apply(path(e));
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "it is not valid.";
            return refused(field.isEmpty() ? ApiException.badRequest("The body cannot be used: " + reason)
                    : ApiException.badRequest(field, "Field '" + field + "' cannot be used: " + reason));
        } catch (JsonMappingException e) {
            String field = fieldName.apply(path(e));
            return refused(field.isEmpty() ? ApiException.badRequest("The body does not have the expected shape.")
                    : ApiException.badRequest(field, "Field '" + field + "' has the wrong type."));
        } catch (JsonProcessingException e) {
            // e.g. a number beyond the range of its field, reported by the parser rather than the binder
            String field = e.getProcessor() instanceof JsonParser p ? fieldName.apply(path(p.getParsingContext())) : "";
            return refused(field.isEmpty() ? ApiException.badRequest("The body does not have the expected shape.")
                    : ApiException.badRequest(field, "Field '" + field + "' is out of range."));
        } catch (IllegalArgumentException e) {
            return refused(ApiException.badRequest("The body does not have the expected shape."));
        }
        var errors = unstorableText(node, "", fieldName);
        if (!errors.isEmpty()) {
            return refused(ApiException.validation(errors));
        }
        return new Bound.Value<>(value);
    }

    private static <T> Bound<T> refused(ApiException e) {
        return new Bound.Refused<>(e);
    }

    static void checkContentType(String header) {
        if (header == null) {
            throw ApiException.unsupportedMediaType("A JSON body needs Content-Type: application/json.");
        }
        String[] parts = header.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw ApiException.unsupportedMediaType("Send the body as application/json, not '" + safe(parts[0].strip()) + "'.");
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String charset = param.substring(eq + 1).strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw ApiException.unsupportedMediaType("JSON bodies are UTF-8; charset=" + safe(charset) + " is not accepted.");
                }
            }
        }
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(body);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The body is not valid UTF-8 (byte " + in.position() + " starts an invalid sequence).");
        }
    }

    /** Step 5: every text value under {@code node} that no database can store as sent, by field. */
    static List<FieldError> unstorableText(JsonNode node, String path, UnaryOperator<String> fieldName) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        collect(node, path, fieldName, byField);
        return new ArrayList<>(byField.values());
    }

    private static void collect(JsonNode node, String path, UnaryOperator<String> fieldName, Map<String, FieldError> out) {
        if (node.isTextual()) {
            Text.unstorable(node.textValue()).ifPresent(message -> {
                String field = fieldName.apply(path);
                out.putIfAbsent(field, new FieldError(field, message));
            });
        } else if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), join(path, e.getKey()), fieldName, out));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path, fieldName, out));
        }
    }

    private static ApiException notJson(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? ApiException.badRequest("The body is not valid JSON.")
                : ApiException.badRequest("The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Field names joined by dots, array positions left out: {@code fields.tags}, as validation names them. */
    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String path(JsonStreamContext context) {
        var names = new ArrayList<String>();
        for (var c = context; c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String safeValue(Object value) {
        return "'" + safe(String.valueOf(value)) + "'";
    }

    /** At most 40 characters of client text, controls shown as '?', for a problem's detail. */
    private static String safe(String s) {
        var sb = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) || Character.isSurrogate((char) cp) ? '?' : cp));
        return s.codePointCount(0, s.length()) > 40 ? sb + "…" : sb.toString();
    }
}
