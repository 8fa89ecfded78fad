package dev.tododesktop.contract.tasks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Jackson support for {@link FieldUpdate}; wired by the annotations on the interface. */
final class FieldUpdateJson {

    private FieldUpdateJson() {}

    static final class Serializer extends StdSerializer<FieldUpdate<?>> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(FieldUpdate.class, false);
        }

        /** Makes {@code @JsonInclude(NON_EMPTY)} leave out {@link FieldUpdate.Keep}. */
        @Override
        public boolean isEmpty(SerializerProvider provider, FieldUpdate<?> value) {
            return value == null || !value.isPresent();
        }

        @Override
        public void serialize(FieldUpdate<?> value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            switch (value) {
                case FieldUpdate.SetTo<?>(Object v) -> provider.defaultSerializeValue(v, gen);
                case FieldUpdate.Clear<?> _ -> gen.writeNull();
                // Writing null here would silently turn "keep" into "clear".
                case FieldUpdate.Keep<?> _ -> throw JsonMappingException.from(gen,
                        "FieldUpdate.Keep cannot be written; give the property @JsonInclude(NON_EMPTY)");
            }
        }
    }

    static final class Deserializer extends StdDeserializer<FieldUpdate<?>> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;

        private final transient JsonDeserializer<Object> valueDeserializer;

        Deserializer() {
            this(null);
        }

        private Deserializer(JsonDeserializer<Object> valueDeserializer) {
            super(FieldUpdate.class);
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType()
                    : property != null ? property.getType() : null;
            JavaType valueType = type == null ? ctxt.constructType(Object.class) : type.containedTypeOrUnknown(0);
            return new Deserializer(ctxt.findContextualValueDeserializer(valueType, property));
        }

        @Override
        public FieldUpdate<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (valueDeserializer == null) {
                return ctxt.reportInputMismatch(this, "FieldUpdate needs a property to learn its value type");
            }
            Object value = valueDeserializer.deserialize(p, ctxt);
            return FieldUpdate.setOrClear(value);
        }

        /** {@code "field": null}. */
        @Override
        public FieldUpdate<?> getNullValue(DeserializationContext ctxt) {
            return FieldUpdate.clear();
        }

        /** The field is missing from the object. */
        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return FieldUpdate.keep();
        }
    }
}
