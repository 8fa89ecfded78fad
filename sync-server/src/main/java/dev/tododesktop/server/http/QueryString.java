package dev.tododesktop.server.http;

import dev.tododesktop.contract.FieldError;
import dev.tododesktop.contract.Text;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's query parameters, read strictly and by the same text rules as a body: the raw
 * query is percent-decoded ({@code +} is a space, as forms send it) into bytes that must be
 * UTF-8, else 400; a parameter given twice is 400 (which one counts would be a guess); a NUL is
 * 422 naming the parameter. Servlet containers replace what they cannot decode with U+FFFD and
 * keep the first of two values; this does neither.
 */
public final class QueryString {

    private static final QueryString EMPTY = new QueryString(Map.of());

    private final Map<String, String> values;

    private QueryString(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** @throws ApiException 400 or 422 as described above */
    public static QueryString parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        var values = new LinkedHashMap<String, String>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (values.containsKey(name)) {
                throw ApiException.badRequest(name, "Query parameter '" + printable(name) + "' is given more than once.");
            }
            Optional<String> unstorable = Text.unstorable(value).or(() -> Text.unstorable(name));
            if (unstorable.isPresent()) {
                throw ApiException.validation(java.util.List.of(new FieldError(printable(name), unstorable.get())));
            }
            values.put(name, value);
        }
        return new QueryString(values);
    }

    /** The value of {@code name}, absent when not given or given empty ({@code ?q=}). */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** @throws ApiException 400 naming the first parameter this route does not define */
    public void onlyThese(Set<String> allowed) {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(printable(name), allowed.isEmpty()
                        ? "This address takes no query parameters; '" + printable(name) + "' is not one."
                        : "Query parameter '" + printable(name) + "' is not one this address takes (" + String.join(", ", allowed.stream().sorted().toList()) + ").");
            }
        }
    }

    private static String decode(String s, String parameter) {
        var bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0 || s.charAt(i + 1) > 'f' || s.charAt(i + 2) > 'f') {
                    throw malformed(parameter, "has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw malformed(parameter, "holds a character that is not percent-encoded");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed(parameter, "is not valid UTF-8 once percent-decoded");
        }
    }

    private static ApiException malformed(String parameter, String what) {
        return parameter == null
                ? ApiException.badRequest("A query parameter name " + what + ".")
                : ApiException.badRequest(printable(parameter), "Query parameter '" + printable(parameter) + "' " + what + ".");
    }

    private static String printable(String s) {
        var sb = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }
}
