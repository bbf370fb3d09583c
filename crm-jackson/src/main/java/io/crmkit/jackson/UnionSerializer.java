package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a value declared as a sealed crmkit interface ({@code ContactPoint}, {@code AsOf}) with
 * the serializer of its actual member, which writes the {@code "type"} discriminator.
 *
 * <p>Immutable and thread-safe.
 */
final class UnionSerializer extends StdSerializer<Object> {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the serializer of a sealed interface.
     *
     * @param type the interface, not null
     */
    UnionSerializer(Class<?> type) {
        super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.findValueSerializer(value.getClass(), null).serialize(value, gen, provider);
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        provider.findValueSerializer(value.getClass(), null).serializeWithType(value, gen, provider, typeSer);
    }
}
