package io.crmkit.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;
import java.io.Serializable;

/**
 * Supplies the serializers of crmkit value types, and nothing for any other type, so that the
 * mapper's handling of other types is unchanged. One instance serves values, another map keys.
 *
 * <p>Immutable and thread-safe; serializable so that a mapper holding it can be.
 */
final class CrmSerializers extends Serializers.Base implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean keys;

    /**
     * Creates the lookup.
     *
     * @param keys true for map-key serializers (identifiers and enums only), false for values
     */
    CrmSerializers(boolean keys) {
        this.keys = keys;
    }

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
        Class<?> raw = CrmTypes.valueClass(type.getRawClass());
        CrmTypes.Kind kind = CrmTypes.kindOf(raw).orElse(null);
        if (kind == null) {
            return null;
        }
        if (keys) {
            return kind == CrmTypes.Kind.IDENTIFIER || kind == CrmTypes.Kind.ENUM
                    ? new Scalars.KeySerializer(Scalars.formOf(raw)) : null;
        }
        switch (kind) {
            case IDENTIFIER:
            case ENUM:
                return new Scalars.Serializer(Scalars.formOf(raw));
            case UNION:
                return new UnionSerializer(raw);
            default:
                return new RecordSerializer(raw);
        }
    }
}
