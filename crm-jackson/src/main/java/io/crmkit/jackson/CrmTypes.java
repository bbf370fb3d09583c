package io.crmkit.jackson;

import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.survey.SurveyScore;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which classes are crmkit value types and how each is written: the single place that
 * draws the line between crmkit's types (handled by {@link CrmJacksonModule}) and everybody
 * else's (left to the mapper untouched).
 *
 * <p>A crmkit value type is a public record, enum or sealed interface in {@code io.crmkit.core}
 * or one of its sub-packages, except the {@code internal} and {@code port} packages. Stateless and
 * thread-safe.
 */
final class CrmTypes {

    /** The JSON property that names the subtype of a sealed crmkit interface. */
    static final String TYPE_PROPERTY = "type";

    private static final String CORE = "io.crmkit.core";

    /** Discriminator values of the sealed interfaces' members; part of the documented format. */
    private static final Map<Class<?>, String> TAGS = Map.of(
            EmailAddress.class, "email",
            PhoneNumber.class, "phone",
            PostalAddress.class, "postal",
            WebAddress.class, "web",
            SocialAccount.class, "social",
            AsOf.EndOfDay.class, "endOfDay",
            AsOf.AtInstant.class, "instant");

    /**
     * Records whose constructor checks a single component (beyond nulls): a rejection is reported
     * at that component's path.
     */
    private static final Map<Class<?>, String> SINGLE_RULE_COMPONENT = Map.of(
            Money.class, "amount",
            TimeRange.class, "end",
            SurveyScore.class, "value",
            EmailAddress.class, "value",
            PhoneNumber.class, "value",
            WebAddress.class, "uri",
            SocialAccount.class, "handle");

    /** How a crmkit value type is represented in JSON. */
    enum Kind {
        /** An identifier record: a JSON string holding its text. */
        IDENTIFIER,
        /** An enum: a JSON string holding the constant's name. */
        ENUM,
        /** Any other record: a JSON object of its components. */
        RECORD,
        /** A sealed interface: the JSON object of its member, with a {@code "type"} discriminator. */
        UNION
    }

    private CrmTypes() {
    }

    /**
     * Returns the class that represents a value's type: the enum itself for the class of an enum
     * constant with a body, the class unchanged otherwise.
     *
     * @param type a class, not null
     * @return the value class, never null
     */
    static Class<?> valueClass(Class<?> type) {
        Class<?> parent = type.getSuperclass();
        return !type.isEnum() && parent != null && parent.isEnum() ? parent : type;
    }

    /**
     * Returns how the class is represented, or empty when it is not a crmkit value type.
     *
     * @param type the class, not null
     * @return the kind, or empty for classes the module leaves alone
     */
    static Optional<Kind> kindOf(Class<?> type) {
        if (!inValuePackage(type) || !Modifier.isPublic(type.getModifiers())) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            return Optional.of(Kind.ENUM);
        }
        if (type.isRecord()) {
            return Optional.of(isIdentifier(type) ? Kind.IDENTIFIER : Kind.RECORD);
        }
        if (type.isInterface() && type.isSealed()) {
            return Optional.of(Kind.UNION);
        }
        return Optional.empty();
    }

    private static boolean inValuePackage(Class<?> type) {
        String pkg = type.getPackageName();
        if (!pkg.equals(CORE) && !pkg.startsWith(CORE + ".")) {
            return false;
        }
        return !pkg.equals(CORE + ".internal") && !pkg.startsWith(CORE + ".internal.")
                && !pkg.equals(CORE + ".port") && !pkg.startsWith(CORE + ".port.");
    }

    /**
     * An identifier is a record in {@code io.crmkit.core} named {@code ...Id} with one
     * {@code String} component: {@code CustomerId}, {@code OrderId} and their siblings.
     */
    private static boolean isIdentifier(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return type.getPackageName().equals(CORE) && type.getSimpleName().endsWith("Id")
                && components.length == 1 && components[0].getType() == String.class;
    }

    /**
     * Returns the discriminator written for a member of a sealed crmkit interface.
     *
     * @param type a record, not null
     * @return the discriminator, or empty when the record implements no sealed crmkit interface
     */
    static Optional<String> tagOf(Class<?> type) {
        for (Class<?> parent : type.getInterfaces()) {
            if (kindOf(parent).orElse(null) == Kind.UNION) {
                return Optional.of(TAGS.getOrDefault(type, decapitalise(type.getSimpleName())));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the members of a sealed interface by discriminator, in declaration order.
     *
     * @param union a sealed crmkit interface, not null
     * @return the members, never null
     */
    static Map<String, Class<?>> membersOf(Class<?> union) {
        Map<String, Class<?>> members = new LinkedHashMap<>();
        for (Class<?> member : union.getPermittedSubclasses()) {
            String tag = tagOf(member).orElseThrow(() -> new IllegalStateException(
                    member.getName() + " is permitted by " + union.getName() + " but is not a crmkit record"));
            members.put(tag, member);
        }
        return Collections.unmodifiableMap(members);
    }

    /**
     * Returns the component that a constructor rejection of the record is about, when the record
     * checks only one component.
     *
     * @param type a record, not null
     * @return the component name, or empty when the rejection concerns the record as a whole
     */
    static Optional<String> singleRuleComponent(Class<?> type) {
        return Optional.ofNullable(SINGLE_RULE_COMPONENT.get(type));
    }

    private static String decapitalise(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
