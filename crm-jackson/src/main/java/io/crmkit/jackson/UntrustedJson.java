package io.crmkit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reading crmkit JSON that comes from outside the host's control (an upload, a partner's export,
 * an API body), with every limit stated. {@link #mapper()} is a mapper with the
 * {@link CrmJacksonModule} and:
 * <ul>
 *   <li>trailing content after the document is an error ({@code [] garbage} is refused);</li>
 *   <li>nesting at most {@value #MAX_NESTING_DEPTH} deep (crmkit documents need fewer than 10
 *       levels), numbers of at most {@value #MAX_NUMBER_LENGTH} characters, strings of at most
 *       {@value #MAX_STRING_LENGTH} characters, documents of at most {@value #MAX_DOCUMENT_LENGTH}
 *       bytes, each enforced by Jackson's {@link StreamReadConstraints} while parsing;</li>
 *   <li>from the module itself: JSON {@code null} where a crmkit value is expected is refused,
 *       decimals of more than 4096 characters, or with a scale or magnitude beyond 1000 either way, are
 *       refused before they are built, and doubles must be finite.</li>
 * </ul>
 * Every refusal is a Jackson exception ({@link com.fasterxml.jackson.core.JsonProcessingException})
 * that says what was wrong, and where. Other limits are set with {@link #mapperBuilder()} and
 * Jackson's own settings.
 *
 * <p>Encodings: JSON from outside must be UTF-8 (RFC 8259). Jackson guesses UTF-16 or UTF-32 from
 * a document's first bytes, so a document starting with NUL bytes may be read as UTF-32; read
 * bytes through {@link #utf8(InputStream)} instead, which accepts UTF-8 with or without a
 * byte-order mark and fails with a {@link java.nio.charset.CharacterCodingException} on anything
 * else (NUL bytes then fail as illegal JSON characters).
 *
 * <p>Stateless; the mapper is immutable in use and thread-safe.
 */
public final class UntrustedJson {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** The most characters of a JSON number. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** The most characters of a JSON string. */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** The most bytes (or characters, read from a reader) of a document. */
    public static final long MAX_DOCUMENT_LENGTH = 1L << 30;

    private static final JsonMapper MAPPER = mapperBuilder().build();

    private UntrustedJson() {
    }

    /**
     * Returns the limits above as Jackson constraints.
     *
     * @return the constraints, never null
     */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build();
    }

    /**
     * Returns a builder of a mapper set up as {@link #mapper()}, for hosts that add settings.
     *
     * @return a new builder, never null
     */
    public static JsonMapper.Builder mapperBuilder() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints()).build();
        return JsonMapper.builder(factory)
                .addModule(new CrmJacksonModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Returns the shared mapper for untrusted crmkit JSON.
     *
     * @return the mapper, never null; do not reconfigure it
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns a reader of UTF-8 bytes that skips a byte-order mark and fails on bytes that are not
     * UTF-8, for {@code mapper().readValue(UntrustedJson.utf8(in), type)}.
     *
     * @param in the bytes, not null; closed when the reader is
     * @return the reader, never null
     * @throws IOException if reading the first bytes fails
     */
    public static Reader utf8(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (head.length < 3 || (head[0] & 0xFF) != 0xEF || (head[1] & 0xFF) != 0xBB || (head[2] & 0xFF) != 0xBF) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
