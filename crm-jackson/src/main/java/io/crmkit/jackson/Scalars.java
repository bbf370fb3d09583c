package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The crmkit types written as a single JSON string: identifiers (their text, such as
 * {@code "C-1001"}) and enums (the constant's name, such as {@code "PERSON"}), as values and as
 * map keys. A text that does not form a valid value fails with
 * {@link com.fasterxml.jackson.databind.exc.InvalidFormatException} (or, as a map key,
 * {@code InvalidFormatException} through {@code handleWeirdKey}); enum names are matched exactly,
 * whatever the mapper's case-insensitivity or to-string settings.
 *
 * <p>Every class here is immutable and thread-safe.
 */
final class Scalars {

    private Scalars() {
    }

    /**
     * Returns the text form of a crmkit identifier or enum class.
     *
     * @param type the class, of kind {@link CrmTypes.Kind#IDENTIFIER} or {@link CrmTypes.Kind#ENUM}
     * @return the form, never null
     */
    static Form formOf(Class<?> type) {
        return type.isEnum() ? new EnumForm(type) : new IdentifierForm(type);
    }

    /** How one scalar crmkit type turns into text and back. */
    abstract static class Form {
        private final Class<?> type;

        Form(Class<?> type) {
            this.type = type;
        }

        /** @return the crmkit class */
        final Class<?> type() {
            return type;
        }

        /**
         * Returns the text of a value.
         *
         * @param value the value, not null
         * @return the text, never null
         */
        abstract String format(Object value);

        /**
         * Returns the value of a text.
         *
         * @param text the text, not null
         * @return the value, never null
         * @throws IllegalArgumentException with a message saying why the text is not valid
         */
        abstract Object parse(String text);

        /** @return what a valid text looks like, for messages */
        abstract String expected();
    }

    /** An identifier: its text, validated by its constructor. */
    private static final class IdentifierForm extends Form {
        private final Constructor<?> constructor;

        IdentifierForm(Class<?> type) {
            super(type);
            try {
                constructor = type.getConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getName() + " has no public constructor taking its text", e);
            }
        }

        @Override
        String format(Object value) {
            return value.toString();
        }

        @Override
        Object parse(String text) {
            try {
                return constructor.newInstance(text);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException) {
                    throw (IllegalArgumentException) e.getCause();
                }
                throw new IllegalStateException("cannot construct " + type().getName(), e.getCause());
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("cannot construct " + type().getName(), e);
            }
        }

        @Override
        String expected() {
            return "an identifier: 1 to 256 characters, not padded, no control characters";
        }
    }

    /** An enum: the constant's name, exactly. */
    private static final class EnumForm extends Form {
        private final Map<String, Object> constants;

        EnumForm(Class<?> type) {
            super(type);
            Map<String, Object> c = new LinkedHashMap<>();
            for (Object constant : type.getEnumConstants()) {
                c.put(((Enum<?>) constant).name(), constant);
            }
            constants = Collections.unmodifiableMap(c);
        }

        @Override
        String format(Object value) {
            return ((Enum<?>) value).name();
        }

        @Override
        Object parse(String text) {
            Object constant = constants.get(text);
            if (constant == null) {
                throw new IllegalArgumentException("not one of the values accepted for " + Problems.typeName(type())
                        + ": " + constants.keySet());
            }
            return constant;
        }

        @Override
        String expected() {
            return "one of " + constants.keySet();
        }
    }

    /** Writes an identifier or enum as a JSON string. */
    static final class Serializer extends StdScalarSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Form form;

        Serializer(Form form) {
            super(form.type(), false);
            this.form = form;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(form.format(value));
        }

        /**
         * Rebuilds the form after Java deserialization (a mapper is serializable with its caches).
         *
         * @return an equivalent serializer
         */
        private Object readResolve() {
            return new Serializer(formOf(handledType()));
        }
    }

    /** Reads an identifier or enum from a JSON string. */
    static final class Deserializer extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Form form;

        Deserializer(Form form) {
            super(form.type());
            this.form = form;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return Problems.nullValue(ctxt, handledType());
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null; // an absent property is the host's business, as without this module
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return Problems.wrongToken(p, ctxt, form.type(), "a JSON string holding " + form.expected());
            }
            String text = p.getText();
            try {
                return form.parse(text);
            } catch (IllegalArgumentException e) {
                return ctxt.handleWeirdStringValue(form.type(), text, "%s", e.getMessage());
            }
        }

        /**
         * Rebuilds the form after Java deserialization (a mapper is serializable with its caches).
         *
         * @return an equivalent deserializer
         */
        private Object readResolve() {
            return new Deserializer(formOf(handledType()));
        }
    }

    /** Writes an identifier or enum as a JSON property name. */
    static final class KeySerializer extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Form form;

        KeySerializer(Form form) {
            super(form.type(), false);
            this.form = form;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(form.format(value));
        }

        /**
         * Rebuilds the form after Java deserialization (a mapper is serializable with its caches).
         *
         * @return an equivalent key serializer
         */
        private Object readResolve() {
            return new KeySerializer(formOf(handledType()));
        }
    }

    /** Reads an identifier or enum from a JSON property name. */
    static final class KeyReader extends KeyDeserializer implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Class<?> type;
        private final transient Form form;

        KeyReader(Form form) {
            this.type = form.type();
            this.form = form;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            try {
                return form.parse(key);
            } catch (IllegalArgumentException e) {
                return ctxt.handleWeirdKey(form.type(), key, "%s", e.getMessage());
            }
        }

        /**
         * Rebuilds the form after Java deserialization (a mapper is serializable with its caches).
         *
         * @return an equivalent key deserializer
         */
        private Object readResolve() {
            return new KeyReader(formOf(type));
        }
    }
}
