package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a crmkit record as a JSON object: the discriminator first for members of a sealed
 * interface ({@code "type":"email"}), then one property per component, named as the component,
 * in declaration order; empty optional components are left out.
 *
 * <p>Immutable and thread-safe.
 */
final class RecordSerializer extends StdSerializer<Object> {

    private static final long serialVersionUID = 1L;

    private final transient RecordModel model;
    private final transient Codec[] codecs;

    /**
     * Creates the serializer of a record class.
     *
     * @param type the record class, not null
     * @throws IllegalArgumentException if a component type cannot be represented
     */
    RecordSerializer(Class<?> type) {
        super(type, false);
        model = RecordModel.of(type);
        codecs = new Codec[model.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forType(model.genericType(i));
        }
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(value);
        writeProperties(value, gen, provider);
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        WritableTypeId typeId = typeSer.writeTypePrefix(gen, typeSer.typeId(value, JsonToken.START_OBJECT));
        writeProperties(value, gen, provider);
        typeSer.writeTypeSuffix(gen, typeId);
    }

    private void writeProperties(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (model.tag().isPresent()) {
            gen.writeStringField(CrmTypes.TYPE_PROPERTY, model.tag().get());
        }
        for (int i = 0; i < codecs.length; i++) {
            Object component = model.get(value, i);
            if (codecs[i].omitted(component)) {
                continue;
            }
            String name = model.names().get(i);
            gen.writeFieldName(name);
            try {
                codecs[i].write(component, gen, provider);
            } catch (IOException e) {
                throw Problems.withPath(e, model.type(), name);
            }
        }
    }

    /**
     * Rebuilds the derived state after Java deserialization (a mapper is serializable with its
     * caches).
     *
     * @return an equivalent serializer
     */
    private Object readResolve() {
        return new RecordSerializer(handledType());
    }
}
