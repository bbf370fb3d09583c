package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads a crmkit record from a JSON object whose properties are named as the components, in any
 * order, and builds it with the canonical constructor, so that every rule of the record is
 * checked.
 *
 * <p>Strict by design, whatever the mapper's settings:
 * <ul>
 *   <li>an unknown or repeated property fails with {@link UnrecognizedPropertyException} or
 *       {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} (the mapper's
 *       {@code FAIL_ON_UNKNOWN_PROPERTIES} is not consulted: crmkit formats are exact);</li>
 *   <li>an absent or null optional component is {@code Optional.empty()}, an absent or null
 *       collection is empty, any other absent or null component fails with a
 *       {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} naming it;</li>
 *   <li>values the record's constructor rejects fail with a
 *       {@link com.fasterxml.jackson.databind.exc.ValueInstantiationException} carrying crm-core's
 *       exception as its cause and message (personal data masked by crm-core);</li>
 *   <li>a member of a sealed interface accepts its {@code "type"} discriminator, which must then
 *       match.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe once resolved (Jackson resolves it before use).
 */
final class RecordDeserializer extends StdDeserializer<Object> implements ResolvableDeserializer {

    private static final long serialVersionUID = 1L;

    private final transient RecordModel model;
    private final transient Codec[] codecs;

    /**
     * Creates the deserializer of a record class.
     *
     * @param type the record class, not null
     * @throws IllegalArgumentException if a component type cannot be represented
     */
    RecordDeserializer(Class<?> type) {
        super(type);
        model = RecordModel.of(type);
        codecs = new Codec[model.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = Codecs.forType(model.genericType(i));
        }
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        for (Codec codec : codecs) {
            codec.resolve(ctxt);
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
    public Collection<Object> getKnownPropertyNames() {
        List<Object> known = new ArrayList<>(model.names());
        model.tag().ifPresent(t -> known.add(0, CrmTypes.TYPE_PROPERTY));
        return known;
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return typeDeserializer.deserializeTypedFromObject(p, ctxt);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Class<?> type = model.type();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return Problems.wrongToken(p, ctxt, type, "a JSON object");
        }
        Object[] args = new Object[codecs.length];
        boolean[] seen = new boolean[codecs.length];
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken valueToken = p.nextToken();
            int i = model.indexOf(name);
            if (i < 0) {
                if (model.tag().isPresent() && name.equals(CrmTypes.TYPE_PROPERTY)) {
                    checkTag(p, ctxt);
                    continue;
                }
                throw UnrecognizedPropertyException.from(p, type, name, getKnownPropertyNames());
            }
            if (seen[i]) {
                ctxt.reportPropertyInputMismatch(type, name, "Duplicate property '%s' of %s", name,
                        Problems.typeName(type));
            }
            seen[i] = true;
            try {
                args[i] = valueToken == JsonToken.VALUE_NULL ? null : codecs[i].read(p, ctxt);
            } catch (IOException e) {
                throw Problems.withPath(e, type, name);
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = codecs[i].absentValue();
                if (args[i] == null) {
                    String name = model.names().get(i);
                    ctxt.reportPropertyInputMismatch(type, name, "%s property '%s' of %s",
                            seen[i] ? "Null value for required" : "Missing required", name, Problems.typeName(type));
                }
            }
        }
        try {
            return model.construct(args);
        } catch (RuntimeException e) {
            JsonMappingException problem = ctxt.instantiationException(type, e);
            model.singleRuleComponent().ifPresent(c -> problem.prependPath(type, c));
            throw problem;
        }
    }

    private void checkTag(JsonParser p, DeserializationContext ctxt) throws IOException {
        String expected = model.tag().orElseThrow();
        String actual = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        if (!expected.equals(actual)) {
            InvalidTypeIdException e = InvalidTypeIdException.from(p,
                    String.format("Discriminator '%s' of %s must be \"%s\", was %s", CrmTypes.TYPE_PROPERTY,
                            Problems.typeName(model.type()), expected,
                            actual == null ? Problems.describe(p.currentToken()) : "\"" + actual + "\""),
                    ctxt.constructType(model.type()), actual);
            e.prependPath(model.type(), CrmTypes.TYPE_PROPERTY);
            throw e;
        }
    }

    /**
     * Rebuilds the derived state after Java deserialization (a mapper is serializable with its
     * caches).
     *
     * @return an equivalent deserializer, unresolved: it looks its delegates up on use
     */
    private Object readResolve() {
        return new RecordDeserializer(handledType());
    }
}
