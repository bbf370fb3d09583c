package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link Codec codecs} for the component types of crmkit records: JSON strings for text,
 * decimals, instants, dates, durations, zones, currencies and URIs; JSON numbers for
 * {@code int}, {@code long} and {@code double}; JSON arrays and objects for lists, sets and maps;
 * optional values left out when empty; crmkit types delegated to the mapper (and so to
 * {@link CrmJacksonModule}'s own serializers and deserializers).
 *
 * <p>The JDK types are written here rather than by the mapper so that the format does not depend
 * on the mapper's settings (such as {@code WRITE_DATES_AS_TIMESTAMPS}) or on other modules.
 *
 * <p>Stateless and thread-safe.
 */
final class Codecs {

    /** Largest decimal exponent accepted in either direction, against inputs such as {@code 1e999999999}. */
    static final int MAX_DECIMAL_SCALE = 1000;
    /**
     * The most characters a decimal written as a JSON string may have: checked before parsing, whose
     * time grows with the square of the length; above the longest decimal this module writes (with
     * scale and magnitude within {@link #MAX_DECIMAL_SCALE}, at most 2,004 characters), so that
     * whatever it writes it reads back.
     */
    static final int MAX_DECIMAL_CHARS = 4096;

    private Codecs() {
    }

    /**
     * Returns the codec for a record component type.
     *
     * @param type the component's generic type, not null
     * @return a new codec, never null
     * @throws IllegalArgumentException if the type cannot be represented
     */
    static Codec forType(Type type) {
        if (type instanceof Class<?>) {
            return forClass((Class<?>) type);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType pt = (ParameterizedType) type;
            Type raw = pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (raw == Optional.class) {
                return new OptionalCodec(forType(args[0]));
            }
            if (raw == List.class) {
                return new CollectionCodec(forType(args[0]), false);
            }
            if (raw == Set.class) {
                return new CollectionCodec(forType(args[0]), true);
            }
            if (raw == Map.class && args[0] == String.class) {
                return new MapCodec(forType(args[1]));
            }
        }
        throw new IllegalArgumentException("crm-jackson has no JSON representation for component type "
                + type.getTypeName());
    }

    private static Codec forClass(Class<?> type) {
        if (type == String.class) {
            return new StringCodec();
        }
        if (type == int.class) {
            return new IntCodec();
        }
        if (type == long.class) {
            return new LongCodec();
        }
        if (type == double.class) {
            return new DoubleCodec();
        }
        if (type == BigDecimal.class) {
            return new DecimalCodec();
        }
        if (type == Instant.class) {
            return new TextCodec(Instant.class, "an ISO-8601 instant such as \"2024-01-31T09:30:00Z\"", false,
                    Object::toString, Instant::parse);
        }
        if (type == LocalDate.class) {
            return new TextCodec(LocalDate.class, "an ISO-8601 date such as \"2024-01-31\"", true,
                    Object::toString, LocalDate::parse);
        }
        if (type == Duration.class) {
            return new TextCodec(Duration.class, "an ISO-8601 duration such as \"PT4H\"", false,
                    Object::toString, Duration::parse);
        }
        if (type == ZoneId.class) {
            return new TextCodec(ZoneId.class, "a time-zone ID such as \"Asia/Shanghai\" or \"Z\"", false,
                    z -> ((ZoneId) z).getId(), ZoneId::of);
        }
        if (type == Currency.class) {
            return new TextCodec(Currency.class, "an ISO 4217 currency code such as \"USD\"", false,
                    c -> ((Currency) c).getCurrencyCode(), Currency::getInstance);
        }
        if (type == URI.class) {
            return new TextCodec(URI.class, "a URI such as \"https://example.com/\"", true,
                    Object::toString, URI::new);
        }
        if (CrmTypes.kindOf(type).isPresent()) {
            return new ValueCodec(type);
        }
        throw new IllegalArgumentException("crm-jackson has no JSON representation for component type "
                + type.getName());
    }

    /** Text: a JSON string, as is. */
    private static final class StringCodec implements Codec {
        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString((String) value);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return Problems.wrongToken(p, ctxt, String.class, "a JSON string");
            }
            return p.getText();
        }
    }

    /** A 32-bit integer: a JSON integer. */
    private static final class IntCodec implements Codec {
        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber((Integer) value);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return Problems.wrongToken(p, ctxt, Integer.class, "a JSON integer");
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                return ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "out of the range of int");
            }
            return p.getIntValue();
        }
    }

    /** A 64-bit integer: a JSON integer. */
    private static final class LongCodec implements Codec {
        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber((Long) value);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return Problems.wrongToken(p, ctxt, Long.class, "a JSON integer");
            }
            JsonParser.NumberType numberType = p.getNumberType();
            if (numberType != JsonParser.NumberType.INT && numberType != JsonParser.NumberType.LONG) {
                return ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(), "out of the range of long");
            }
            return p.getLongValue();
        }
    }

    /** A double: a JSON number. */
    private static final class DoubleCodec implements Codec {
        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber((Double) value);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                return Problems.wrongToken(p, ctxt, Double.class, "a JSON number");
            }
            double d;
            try {
                d = p.getDoubleValue();
            } catch (NumberFormatException e) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p,
                        "Cannot deserialize value of type `double` from number: not a finite number", null, Double.class);
            }
            if (!Double.isFinite(d)) {
                return ctxt.handleWeirdNumberValue(Double.class, d, "not a finite number (out of the range of double)");
            }
            return d;
        }
    }

    /**
     * An exact decimal: written as a JSON string in plain notation ({@code "12.30"}, keeping the
     * scale; scientific notation only for a negative scale, such as {@code "1E+3"}); read from a
     * JSON string or, exactly, from a JSON number.
     */
    private static final class DecimalCodec implements Codec {
        private static final String EXPECTED = "a decimal number such as \"12.34\"";

        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal d = (BigDecimal) value;
            gen.writeString(d.scale() < 0 ? d.toString() : d.toPlainString());
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            BigDecimal d;
            if (t == JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (text.length() > MAX_DECIMAL_CHARS) {
                    // checked first: BigDecimal's parsing time grows with the square of the length
                    return ctxt.handleWeirdStringValue(BigDecimal.class, text.substring(0, 16) + "...",
                            "a decimal has at most %d characters, this one %d", MAX_DECIMAL_CHARS, text.length());
                }
                try {
                    d = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return ctxt.handleWeirdStringValue(BigDecimal.class, text, "not %s", EXPECTED);
                }
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                try {
                    d = p.getDecimalValue();
                } catch (NumberFormatException e) {
                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p,
                            "Cannot deserialize value of type `java.math.BigDecimal` from number: the exponent is out"
                                    + " of range (at most " + MAX_DECIMAL_SCALE + " decimal places either way)",
                            null, BigDecimal.class);
                }
            } else {
                return Problems.wrongToken(p, ctxt, BigDecimal.class, EXPECTED + " (preferably as a JSON string)");
            }
            if (Math.abs((long) d.scale()) > MAX_DECIMAL_SCALE) {
                return ctxt.handleWeirdNumberValue(BigDecimal.class, d,
                        "the exponent is out of range (at most %d decimal places either way)", MAX_DECIMAL_SCALE);
            }
            if (d.signum() != 0 && Math.abs((long) d.precision() - d.scale() - 1) > MAX_DECIMAL_SCALE) {
                // a magnitude beyond 10^1000 (or below 10^-1000) would write back longer than it reads
                return ctxt.handleWeirdNumberValue(BigDecimal.class, d,
                        "the magnitude is out of range (10^-%d to 10^%d)", MAX_DECIMAL_SCALE, MAX_DECIMAL_SCALE);
            }
            return d;
        }
    }

    /** Parses a text, throwing any exception for a malformed one. */
    @FunctionalInterface
    private interface Parser {
        Object parse(String text) throws Exception;
    }

    /**
     * A value written as a JSON string in a fixed format. When the text cannot be parsed the
     * message shows it (masked for formats that may hold personal data: dates, URIs).
     */
    private static final class TextCodec implements Codec {
        private final Class<?> type;
        private final String expected;
        private final boolean personal;
        private final Function<Object, String> formatter;
        private final Parser parser;

        TextCodec(Class<?> type, String expected, boolean personal, Function<Object, String> formatter,
                Parser parser) {
            this.type = type;
            this.expected = expected;
            this.personal = personal;
            this.formatter = formatter;
            this.parser = parser;
        }

        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(formatter.apply(value));
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return Problems.wrongToken(p, ctxt, type, "a JSON string holding " + expected);
            }
            String text = p.getText();
            try {
                return parser.parse(text);
            } catch (Exception e) {
                return ctxt.handleWeirdStringValue(type, personal ? Problems.mask(text) : text, "not %s", expected);
            }
        }
    }

    /** A crmkit value: written and read by the serializer and deserializer the mapper has for it. */
    private static final class ValueCodec implements Codec {
        private final Class<?> type;
        private JsonDeserializer<Object> deserializer;

        ValueCodec(Class<?> type) {
            this.type = type;
        }

        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.findValueSerializer(value.getClass(), null).serialize(value, gen, provider);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonDeserializer<Object> d = deserializer;
            if (d == null) {
                d = ctxt.findRootValueDeserializer(ctxt.constructType(type));
            }
            return d.deserialize(p, ctxt);
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            deserializer = ctxt.findContextualValueDeserializer(ctxt.constructType(type), null);
        }
    }

    /** An optional value: the value itself when present, left out when empty. */
    private static final class OptionalCodec implements Codec {
        private final Codec value;

        OptionalCodec(Codec value) {
            this.value = value;
        }

        @Override
        public void write(Object optional, JsonGenerator gen, SerializerProvider provider) throws IOException {
            value.write(((Optional<?>) optional).orElseThrow(), gen, provider);
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Optional.ofNullable(value.read(p, ctxt));
        }

        @Override
        public Object absentValue() {
            return Optional.empty();
        }

        @Override
        public boolean omitted(Object optional) {
            return ((Optional<?>) optional).isEmpty();
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            value.resolve(ctxt);
        }
    }

    /** A list or set: a JSON array, in iteration order; no null elements. */
    private static final class CollectionCodec implements Codec {
        private final Codec element;
        private final boolean set;

        CollectionCodec(Codec element, boolean set) {
            this.element = element;
            this.set = set;
        }

        @Override
        public void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Collection<?> collection = (Collection<?>) value;
            gen.writeStartArray(collection, collection.size());
            for (Object e : collection) {
                element.write(e, gen, provider);
            }
            gen.writeEndArray();
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            Class<?> type = set ? Set.class : List.class;
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return Problems.wrongToken(p, ctxt, type, "a JSON array");
            }
            Collection<Object> out = set ? new LinkedHashSet<>() : new ArrayList<>();
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                try {
                    if (t == JsonToken.VALUE_NULL) {
                        ctxt.reportInputMismatch(type, "null is not allowed as an element of a crmkit %s",
                                set ? "set" : "list");
                    }
                    Object e = element.read(p, ctxt);
                    if (e == null) {
                        ctxt.reportInputMismatch(type, "a crmkit %s must not hold null", set ? "set" : "list");
                    }
                    out.add(e);
                } catch (JsonMappingException e) {
                    e.prependPath(type, index);
                    throw e;
                }
                index++;
            }
            return out;
        }

        @Override
        public Object absentValue() {
            return set ? Set.of() : List.of();
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            element.resolve(ctxt);
        }
    }

    /** A map with text keys: a JSON object, in iteration order; no null values. */
    private static final class MapCodec implements Codec {
        private final Codec value;

        MapCodec(Codec value) {
            this.value = value;
        }

        @Override
        public void write(Object map, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(map);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
                gen.writeFieldName((String) e.getKey());
                value.write(e.getValue(), gen, provider);
            }
            gen.writeEndObject();
        }

        @Override
        public Object read(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
                return Problems.wrongToken(p, ctxt, Map.class, "a JSON object");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                try {
                    if (v == JsonToken.VALUE_NULL) {
                        ctxt.reportInputMismatch(Map.class, "null is not allowed as a value of a crmkit map");
                    }
                    Object e = value.read(p, ctxt);
                    if (e == null) {
                        ctxt.reportInputMismatch(Map.class, "a crmkit map must not hold null");
                    }
                    if (out.put(key, e) != null) {
                        ctxt.reportInputMismatch(Map.class, "duplicate key in a crmkit map");
                    }
                } catch (JsonMappingException e) {
                    e.prependPath(Map.class, key);
                    throw e;
                }
            }
            return out;
        }

        @Override
        public Object absentValue() {
            return Map.of();
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            value.resolve(ctxt);
        }
    }
}
