package io.crmkit.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import java.io.Serializable;

/**
 * Supplies the deserializers (and map-key deserializers) of crmkit value types, and nothing for
 * any other type, so that the mapper's handling of other types is unchanged.
 *
 * <p>Immutable and thread-safe; serializable so that a mapper holding it can be.
 */
final class CrmDeserializers extends Deserializers.Base implements KeyDeserializers, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription beanDesc) {
        Class<?> raw = CrmTypes.valueClass(type.getRawClass());
        CrmTypes.Kind kind = CrmTypes.kindOf(raw).orElse(null);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case IDENTIFIER:
            case ENUM:
                return new Scalars.Deserializer(Scalars.formOf(raw));
            case UNION:
                return new UnionDeserializer(raw);
            default:
                return new RecordDeserializer(raw);
        }
    }

    @Override
    public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
            BeanDescription beanDesc) {
        Class<?> raw = CrmTypes.valueClass(type);
        return CrmTypes.kindOf(raw).isPresent() ? new Scalars.Deserializer(Scalars.formOf(raw)) : null;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return CrmTypes.kindOf(CrmTypes.valueClass(valueType)).isPresent();
    }

    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription beanDesc) {
        Class<?> raw = CrmTypes.valueClass(type.getRawClass());
        CrmTypes.Kind kind = CrmTypes.kindOf(raw).orElse(null);
        return kind == CrmTypes.Kind.IDENTIFIER || kind == CrmTypes.Kind.ENUM
                ? new Scalars.KeyReader(Scalars.formOf(raw)) : null;
    }
}
