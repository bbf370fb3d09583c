package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a value declared as a sealed crmkit interface from a JSON object whose {@code "type"}
 * property names the member ({@code {"type":"email","value":"a@example.com"}}). The discriminator
 * may appear anywhere in the object; properties before it are buffered. A missing, non-string or
 * unknown discriminator fails with {@link InvalidTypeIdException}, whose message lists the known
 * values. No class names are ever read from the input.
 *
 * <p>Immutable and thread-safe once resolved (Jackson resolves it before use).
 */
final class UnionDeserializer extends StdDeserializer<Object> implements ResolvableDeserializer {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Class<?>> members;
    private final transient Map<String, JsonDeserializer<Object>> deserializers = new LinkedHashMap<>();

    /**
     * Creates the deserializer of a sealed interface.
     *
     * @param type the sealed interface, not null
     */
    UnionDeserializer(Class<?> type) {
        super(type);
        members = CrmTypes.membersOf(type);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        for (Map.Entry<String, Class<?>> e : members.entrySet()) {
            deserializers.put(e.getKey(), ctxt.findContextualValueDeserializer(ctxt.constructType(e.getValue()), null));
        }
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
    public boolean isCachable() {
        return true;
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return typeDeserializer.deserializeTypedFromObject(p, ctxt);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return Problems.wrongToken(p, ctxt, handledType(), "a JSON object with a \"type\" property");
        }
        TokenBuffer buffered = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(CrmTypes.TYPE_PROPERTY)) {
                return deserializeMember(p, ctxt, buffered);
            }
            if (buffered == null) {
                buffered = ctxt.bufferForInputBuffering(p);
            }
            buffered.writeFieldName(name);
            buffered.copyCurrentStructure(p);
        }
        throw typeIdProblem(p, ctxt, null, "Missing discriminator '%s' of %s: expected one of %s%s", "");
    }

    private Object deserializeMember(JsonParser p, DeserializationContext ctxt, TokenBuffer buffered)
            throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw typeIdProblem(p, ctxt, null, "Discriminator '%s' of %s must be a JSON string, one of %s%s",
                    ", found " + Problems.describe(p.currentToken()));
        }
        String tag = p.getText();
        JsonDeserializer<Object> member = deserializers.get(tag);
        if (member == null && members.containsKey(tag)) {
            member = ctxt.findRootValueDeserializer(ctxt.constructType(members.get(tag)));
        }
        if (member == null) {
            throw typeIdProblem(p, ctxt, tag, "Unknown discriminator '%s' of %s: expected one of %s%s",
                    ", found \"" + tag + "\"");
        }
        JsonParser rest = p;
        if (buffered != null) {
            // replay the properties read before the discriminator, then continue with the rest
            p.clearCurrentToken();
            rest = JsonParserSequence.createFlattened(false, buffered.asParser(p), p);
        }
        rest.nextToken();
        return member.deserialize(rest, ctxt);
    }

    private InvalidTypeIdException typeIdProblem(JsonParser p, DeserializationContext ctxt, String tag,
            String format, String detail) {
        String message = String.format(format, CrmTypes.TYPE_PROPERTY, Problems.typeName(handledType()),
                members.keySet(), detail);
        InvalidTypeIdException e = InvalidTypeIdException.from(p, message, ctxt.constructType(handledType()), tag);
        e.prependPath(handledType(), CrmTypes.TYPE_PROPERTY);
        return e;
    }

    /**
     * Rebuilds the derived state after Java deserialization (a mapper is serializable with its
     * caches).
     *
     * @return an equivalent deserializer, unresolved: it looks its members up on use
     */
    private Object readResolve() {
        return new UnionDeserializer(handledType());
    }
}
