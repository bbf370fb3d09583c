package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * Builds the Jackson exceptions that the crmkit deserializers throw, with messages that say what
 * was expected and what was found, and never show a personal value in full.
 *
 * <p>Stateless and thread-safe.
 */
final class Problems {

    private static final String HIDDEN = "***";

    private Problems() {
    }

    /**
     * Reports a JSON token of the wrong kind through
     * {@link DeserializationContext#handleUnexpectedToken(Class, JsonToken, JsonParser, String, Object...)},
     * so that a registered problem handler may still supply a value; without one it throws a
     * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}.
     *
     * @param p the parser, at the offending token
     * @param ctxt the context
     * @param type the type being read
     * @param expected what was expected, such as {@code "a JSON string"}
     * @return a value supplied by a problem handler, of {@code type}
     * @throws IOException the mismatch, in the absence of a handler
     */
    static Object wrongToken(JsonParser p, DeserializationContext ctxt, Class<?> type, String expected)
            throws IOException {
        JsonToken token = p.currentToken();
        return ctxt.handleUnexpectedToken(type, token, p, "Cannot deserialize value of type %s: expected %s, found %s",
                typeName(type), expected, describe(token));
    }

    /**
     * Refuses a JSON null where a crmkit value is expected (a whole document, an array element, a
     * host's property): a crmkit value is never null, and an absent one is an empty
     * {@link java.util.Optional} or a left-out optional component.
     *
     * @param ctxt the context
     * @param type the crmkit type expected
     * @return never returns normally
     * @throws JsonMappingException always, a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}
     */
    static Object nullValue(DeserializationContext ctxt, Class<?> type) throws JsonMappingException {
        throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(ctxt.getParser(), type,
                "Cannot deserialize value of type " + typeName(type) + " from null: a crmkit value is never null"
                        + " (leave an optional component out, or read an Optional)");
    }

    /**
     * Describes a JSON token for a message, without its value.
     *
     * @param token the token, may be null (end of input)
     * @return the description, never null
     */
    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT:
            case FIELD_NAME:
            case END_OBJECT:
                return "a JSON object";
            case START_ARRAY:
            case END_ARRAY:
                return "a JSON array";
            case VALUE_STRING:
                return "a JSON string";
            case VALUE_NUMBER_INT:
                return "a JSON integer";
            case VALUE_NUMBER_FLOAT:
                return "a JSON decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a JSON boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "an embedded object";
        }
    }

    /**
     * Names a type in messages: {@code `Money`} for crmkit types, the full name otherwise.
     *
     * @param type the type, not null
     * @return the name in back-quotes, never null
     */
    static String typeName(Class<?> type) {
        return "`" + (type.getPackageName().startsWith("io.crmkit.") ? type.getSimpleName() : type.getName()) + "`";
    }

    /**
     * Masks a personal value for a message: its first character and {@code ***}, or {@code ***}
     * alone for short values, as crm-core does.
     *
     * @param value the value, not null
     * @return the masked form, never null
     */
    static String mask(String value) {
        if (value.length() < 4) {
            return HIDDEN;
        }
        return value.substring(0, Character.charCount(value.codePointAt(0))) + HIDDEN;
    }

    /**
     * Adds a component name to the path of a {@link JsonMappingException} raised while reading that
     * component; other I/O failures (malformed JSON, a closed stream) carry no path and are returned
     * unchanged.
     *
     * @param e the failure, not null
     * @param owner the class whose component was being read
     * @param component the component name
     * @return the exception to throw, never null
     */
    static IOException withPath(IOException e, Class<?> owner, String component) {
        if (e instanceof JsonMappingException) {
            ((JsonMappingException) e).prependPath(owner, component);
        }
        return e;
    }
}
