package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * Writes and reads the value of one record component in the crmkit JSON format, whatever the
 * mapper's own settings for the component's type are. Created by {@link Codecs#forType}.
 *
 * <p>A codec is immutable once {@link #resolve resolved} and then thread-safe.
 */
interface Codec {

    /**
     * Writes a value.
     *
     * @param value the value, not null
     * @param gen the generator
     * @param provider the serializer provider
     * @throws IOException if writing fails
     */
    void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException;

    /**
     * Reads a value; the parser is at the value's first token, which is not {@code null}.
     *
     * @param p the parser
     * @param ctxt the context
     * @return the value, never null unless a problem handler supplied null
     * @throws IOException if the input does not hold a valid value
     */
    Object read(JsonParser p, DeserializationContext ctxt) throws IOException;

    /**
     * Returns the value of a component that is absent from the JSON object or JSON null.
     *
     * @return the value (empty optional or collection), or null when a value is required
     */
    default Object absentValue() {
        return null;
    }

    /**
     * Returns whether the value is left out when writing (an empty optional).
     *
     * @param value the value, not null
     * @return true to omit the property
     */
    default boolean omitted(Object value) {
        return false;
    }

    /**
     * Looks up the deserializers this codec delegates to; called once before the first read.
     *
     * @param ctxt the context
     * @throws JsonMappingException if a deserializer cannot be found
     */
    default void resolve(DeserializationContext ctxt) throws JsonMappingException {
    }
}
