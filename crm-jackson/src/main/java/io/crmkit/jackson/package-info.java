/**
 * JSON for crmkit: {@link io.crmkit.jackson.CrmJacksonModule}, a Jackson module for every crm-core
 * value type. This page is the reference of the JSON format; it is stable across mapper settings.
 *
 * <h2>Format</h2>
 * <table>
 *   <caption>JSON shape of each type family</caption>
 *   <tr><th>Type</th><th>JSON</th></tr>
 *   <tr><td>Identifiers ({@code CustomerId}, {@code OrderId}, {@code ProductId},
 *       {@code InteractionId}, {@code ServiceCaseId}, {@code SurveyResponseId},
 *       {@code CampaignId}, {@code AgentId})</td>
 *       <td>a string, the identifier's text: {@code "C-1001"}; also as map keys</td></tr>
 *   <tr><td>crm-core enums</td>
 *       <td>a string, the constant's exact name: {@code "ORGANIZATION"}; also as map keys</td></tr>
 *   <tr><td>{@code Money}</td>
 *       <td>{@code {"amount":"12.30","currency":"USD"}}: the amount as a string in plain notation
 *       at the currency's scale (never a binary floating-point number), the currency as its ISO
 *       4217 code. On input the amount may also be a JSON number, read exactly from its text; an
 *       amount with non-zero digits beyond the currency's scale is rejected, never rounded.</td></tr>
 *   <tr><td>{@code TimeRange}</td>
 *       <td>{@code {"start":"2024-01-01T00:00:00Z","end":"2024-02-01T00:00:00Z"}}, half-open</td></tr>
 *   <tr><td>{@code SurveyScale}</td><td>{@code {"name":"NPS","min":0,"max":10}}</td></tr>
 *   <tr><td>{@code SurveyScore}</td>
 *       <td>{@code {"scale":{"name":"NPS","min":0,"max":10},"value":9}}: the scale travels with
 *       the score, so custom scales round-trip</td></tr>
 *   <tr><td>{@code ContactPoint}</td>
 *       <td>an object with a {@code "type"} discriminator, then the member's components:
 *       {@code {"type":"email","value":"li.wei@example.com"}},
 *       {@code {"type":"phone","value":"+8613800138000"}},
 *       {@code {"type":"postal","lines":["1 Main St"],"locality":"Shanghai","region":"SH",
 *       "postalCode":"200000","countryCode":"CN"}},
 *       {@code {"type":"web","uri":"https://example.com/"}},
 *       {@code {"type":"social","network":"WECHAT","handle":"wxid_1"}}. The same shape is used
 *       when the declared type is the member itself; on input the discriminator may then be
 *       left out, but must match when present.</td></tr>
 *   <tr><td>{@code AsOf}</td>
 *       <td>{@code {"type":"endOfDay","lastDay":"1997-09-30"}} or
 *       {@code {"type":"instant","instant":"1997-10-01T00:00:00Z"}}</td></tr>
 *   <tr><td>Every other record ({@code Customer}, {@code Interaction}, {@code Order},
 *       {@code ServiceCase}, {@code SurveyResponse}, {@code PurchaseHistoryOptions} and their
 *       parts)</td>
 *       <td>an object with one property per record component, named as the component, in
 *       declaration order: {@code {"id":"O-1","customerId":"C-1","placedAt":...}}</td></tr>
 * </table>
 *
 * <p>Inside crmkit values, JDK types are always written the same way, whatever the mapper's
 * features (such as {@code WRITE_DATES_AS_TIMESTAMPS}) and whatever other modules are registered:
 * {@code Instant} as an ISO-8601 string in UTC as {@code Instant.toString()} prints it
 * ({@code "2024-01-31T09:30:00Z"}, {@code "2024-01-31T09:30:00.250Z"}: no fraction for whole
 * seconds, otherwise 3, 6 or 9 digits; on input any offset is accepted); {@code LocalDate} as
 * {@code "2024-01-31"}; {@code Duration} as {@code "PT4H"}; {@code ZoneId} as its ID
 * ({@code "Asia/Shanghai"}, {@code "Z"});
 * {@code Currency} as its ISO 4217 code; {@code URI} as its text; {@code BigDecimal} (order-line
 * quantities) as a string like amounts, keeping its scale; {@code int}, {@code long} and
 * {@code double} as JSON numbers.
 *
 * <p>Optional components: a present value is written as the value, an empty one is <em>left
 * out</em>; on input an absent property or JSON {@code null} is {@code Optional.empty()}.
 * Collections (lists, sets, maps) are always written, as JSON arrays and objects (sets in the
 * order crm-core keeps them); on input an absent property or {@code null} is an empty
 * collection, and {@code null} elements are rejected.
 *
 * <h2>Errors</h2>
 * Bad JSON fails with a {@link com.fasterxml.jackson.databind.JsonMappingException} whose path
 * ({@code getPathReference()}) leads to the offending property, for example
 * {@code Customer["contactPoints"]->java.util.List[0]->EmailAddress["value"]}:
 * <ul>
 *   <li>a JSON token of the wrong kind (a number where an instant is expected, an array where an
 *       object is expected): {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}
 *       saying what was expected and what was found;</li>
 *   <li>a string that is not a valid value of its type (an unknown currency code, an unknown enum
 *       name, a malformed instant, date, duration, decimal, URI or identifier):
 *       {@link com.fasterxml.jackson.databind.exc.InvalidFormatException};</li>
 *   <li>an unknown property: {@link com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException},
 *       <em>always</em>, whatever the mapper's {@code FAIL_ON_UNKNOWN_PROPERTIES} says, so that a
 *       misspelt optional property is never silently read as empty;</li>
 *   <li>a missing or null required property, or a repeated property:
 *       {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} naming it;</li>
 *   <li>a missing, non-string or unknown {@code "type"} discriminator:
 *       {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException} listing the known
 *       values;</li>
 *   <li>values that crm-core's constructors reject (an amount beyond the currency's scale, a score
 *       off its scale, an end before a start, a malformed e-mail address or phone number, amounts
 *       in mixed currencies): {@link com.fasterxml.jackson.databind.exc.ValueInstantiationException}
 *       with crm-core's message and crm-core's exception as its cause. For records with a single
 *       rule the path ends at the component concerned ({@code Money["amount"]},
 *       {@code SurveyScore["value"]}, {@code TimeRange["end"]}).</li>
 * </ul>
 * Personal data is never shown in full in these messages: crm-core masks e-mail addresses, phone
 * numbers, names and addresses in its own messages, and this module masks unparsable dates and
 * URIs. (Jackson's {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}, off by default, would
 * add the input itself to every message; keep it off for personal data.)
 *
 * <h2>What the mapper's settings change</h2>
 * Nothing in the format above: property names ignore naming strategies, enum names ignore
 * case-insensitivity and to-string features, numbers and strings are not coerced into each other,
 * and unknown properties always fail. Problem handlers
 * ({@code DeserializationProblemHandler}) are consulted for wrong tokens and invalid strings;
 * generator features (indentation) apply; and crmkit values inside a user's polymorphic
 * container ({@code @JsonTypeInfo}) carry the type id the container asks for. Types that are not
 * crmkit's are not touched at all.
 *
 * <p>Every class in this package is immutable and thread-safe.
 */
package io.crmkit.jackson;
