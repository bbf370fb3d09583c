package io.crmkit.jackson;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Collectors;

/** Test helpers: mappers and readable renderings of JSON and exception paths. */
final class Json {

    private Json() {
    }

    /** @return a mapper with only the crmkit module registered */
    static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new CrmJacksonModule()).build();
    }

    /**
     * Turns single quotes into double quotes, so that expected JSON reads well in Java source.
     *
     * @param text JSON written with single quotes, none of them inside values
     * @return the JSON
     */
    static String json(String text) {
        return text.replace('\'', '"');
    }

    /**
     * Renders the path of a mapping exception as {@code contactPoints[0].value}.
     *
     * @param e the exception
     * @return the path, empty for the root value
     */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
