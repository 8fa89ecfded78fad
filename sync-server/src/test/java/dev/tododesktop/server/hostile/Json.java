package dev.tododesktop.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values as the fuzz test writes them: unlike a JSON library it can write what no library
 * would, such as an object with the same key twice, a lone surrogate escape, a 5,000-digit number
 * or raw bytes that are not UTF-8 in the middle of a string.
 */
sealed interface Json {

    void write(ByteArrayOutputStream out);

    default byte[] bytes() {
        var out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    /** An object; entries keep their order and may repeat a key. */
    record Obj(List<Field> fields) implements Json {
        public Obj {
            fields = new ArrayList<>(fields);
        }

        static Obj of(Object... keysAndValues) {
            var fields = new ArrayList<Field>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                fields.add(new Field((String) keysAndValues[i], (Json) keysAndValues[i + 1]));
            }
            return new Obj(fields);
        }

        Obj with(String key, Json value) {
            var copy = new ArrayList<Field>();
            boolean replaced = false;
            for (var f : fields) {
                if (f.key().equals(key) && !replaced) {
                    copy.add(new Field(key, value));
                    replaced = true;
                } else {
                    copy.add(f);
                }
            }
            if (!replaced) {
                copy.add(new Field(key, value));
            }
            return new Obj(copy);
        }

        Obj plus(String key, Json value) {
            var copy = new ArrayList<>(fields);
            copy.add(new Field(key, value));
            return new Obj(copy);
        }

        Obj without(String key) {
            return new Obj(fields.stream().filter(f -> !f.key().equals(key)).toList());
        }

        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                new Str(fields.get(i).key()).write(out);
                out.write(':');
                fields.get(i).value().write(out);
            }
            out.write('}');
        }
    }

    record Field(String key, Json value) {}

    record Arr(List<Json> items) implements Json {
        static Arr of(Json... items) {
            return new Arr(List.of(items));
        }

        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).write(out);
            }
            out.write(']');
        }
    }

    /**
     * A string written with JSON escapes for quotes, backslashes and controls; every other char
     * goes out as UTF-8, except unpaired surrogates, which are written as {@code \}{@code uXXXX}
     * escapes (UTF-8 cannot carry them).
     */
    record Str(String value) implements Json {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (pairedHigh) {
                    out.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                    i++;
                } else if (c == '"' || c == '\\') {
                    out.write('\\');
                    out.write(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write('"');
        }
    }

    /** A string whose content is written exactly as these bytes between the quotes. */
    record RawStr(byte[] content) implements Json {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('"');
            out.writeBytes(content);
            out.write('"');
        }
    }

    /** Anything, written as these bytes: a number literal, {@code true}, a deep nest, broken syntax. */
    record Raw(byte[] text) implements Json {
        static Raw of(String text) {
            return new Raw(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void write(ByteArrayOutputStream out) {
            out.writeBytes(text);
        }
    }

    static Str str(String s) {
        return new Str(s);
    }

    static Raw num(long n) {
        return Raw.of(Long.toString(n));
    }

    static Raw bool(boolean b) {
        return Raw.of(Boolean.toString(b));
    }

    Raw NULL = Raw.of("null");
}
