package dev.tododesktop.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads request bodies with the contract's Jackson configuration and turns every way a body can
 * be wrong into a 400 problem that says what was wrong, never a 500.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        return parse(body, type);
    }

    /** For endpoints whose body is optional (PATCH …/complete): empty means "no body". */
    public <T> java.util.Optional<T> readOptional(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parse(body, type));
    }

    private <T> T parse(byte[] body, Class<T> type) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw ApiException.badRequest("The body must be a JSON object.");
            }
            return mapper.treeToValue(tree, type);
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("Field '" + fieldPath(e) + "' has an unacceptable value: "
                    + safeValue(e.getValue()) + ".");
        } catch (ValueInstantiationException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : "it is not valid";
            throw ApiException.badRequest("The body cannot be used: " + reason);
        } catch (MismatchedInputException e) {
            String path = fieldPath(e);
            throw ApiException.badRequest(path.isEmpty()
                    ? "The body does not have the expected shape."
                    : "Field '" + path + "' has the wrong type.");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw ApiException.badRequest("The body could not be read.");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static String fieldPath(MismatchedInputException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String safeValue(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? "'" + s.substring(0, 40) + "…'" : "'" + s + "'";
    }
}
