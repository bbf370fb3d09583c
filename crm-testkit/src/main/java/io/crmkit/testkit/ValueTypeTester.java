package io.crmkit.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that a host's class behaves as a value type: the checks crmkit runs on its own value
 * types ({@code Money}, {@code CustomerId}, {@code TimeRange}...), offered to hosts for theirs.
 *
 * <p>Usage, in a jqwik property of the host's tests (or through
 * {@link io.crmkit.testkit.contract.ValueTypeContract}):
 * <pre>{@code
 * private static final ValueTypeTester<Sku> SKU = ValueTypeTester.forType(Sku.class);
 *
 * @Property
 * void skuIsAValueType(@ForAll("skus") Sku a, @ForAll("skus") Sku b) {
 *     SKU.checkValue(a);
 *     SKU.checkPair(a, b);
 * }
 *
 * @Example
 * void skuFactoriesRejectNull() {
 *     assertThat(SKU.checkNullRejection(Sku.of("A-1"))).isNotEmpty();
 * }
 * }</pre>
 *
 * <p>What is checked:
 * <ul>
 *   <li>{@link #checkValue}: {@code toString()} is not null, the same on every call and, when a
 *       {@linkplain #masking masking check} is configured, contains none of the value's secrets;
 *       {@code equals} is reflexive and false for null and for an object of another class;
 *       {@code hashCode} is the same on every call; for a record, a copy built by the canonical
 *       constructor from the value's components is equal and has the same hash code; when the
 *       type has a parser, {@code parse(toString())} gives an equal value with the same hash code
 *       and the same text.</li>
 *   <li>{@link #checkPair}: {@code equals} is symmetric, and equal values have equal hash codes
 *       and equal texts.</li>
 *   <li>{@link #checkNullRejection}: every public constructor, and every public static method
 *       that returns the type, throws a {@link NullPointerException} for a null in each
 *       reference parameter, with a message naming it (see the method).</li>
 * </ul>
 *
 * <p>The parser is, unless {@link #parsedBy} or {@link #withoutParsing} says otherwise, the
 * type's public static {@code parse(String)} method, or else its public static
 * {@code of(String)} method, returning the type. It is not looked for when a masking check is
 * configured (a masked text cannot be parsed back).
 *
 * <p>Each check throws an {@link AssertionError} listing every violation found. The tester is
 * immutable (every configuring method returns a new tester) and thread-safe if the checked type
 * and the configured functions are.
 *
 * @param <T> the value type
 */
public final class ValueTypeTester<T> {

    private final Class<T> type;
    private final Function<String, ? extends T> parser;
    private final boolean parsing;
    private final Function<? super T, ? extends Collection<String>> secrets;
    private final Set<String> names;
    private final Set<String> exempt;
    private final Map<Class<?>, Object> arguments;

    private ValueTypeTester(Class<T> type, Function<String, ? extends T> parser, boolean parsing,
            Function<? super T, ? extends Collection<String>> secrets, Set<String> names, Set<String> exempt,
            Map<Class<?>, Object> arguments) {
        this.type = type;
        this.parser = parser;
        this.parsing = parsing;
        this.secrets = secrets;
        this.names = names;
        this.exempt = exempt;
        this.arguments = arguments;
    }

    /**
     * Returns a tester of the given type with the default configuration described on the class.
     *
     * @param <T> the value type
     * @param type the class of the value type, a public class, not null
     * @return a new tester, never null
     * @throws IllegalArgumentException if the type is an interface, an array, a primitive or not
     *     public
     */
    public static <T> ValueTypeTester<T> forType(Class<T> type) {
        Objects.requireNonNull(type, "forType: type must not be null");
        if (type.isInterface() || type.isArray() || type.isPrimitive() || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("forType: type must be a public class: " + type.getName());
        }
        return new ValueTypeTester<>(type, null, true, null, Set.of(), Set.of(), Map.of());
    }

    /**
     * Returns a tester that parses texts with the given function, such as {@code Money::parse}.
     *
     * @param value the parser, not null
     * @return a new tester, never null
     */
    public ValueTypeTester<T> parsedBy(Function<String, ? extends T> value) {
        Objects.requireNonNull(value, "parsedBy: parser must not be null");
        return new ValueTypeTester<>(type, value, true, secrets, names, exempt, arguments);
    }

    /**
     * Returns a tester that checks no round trip through the text (for types whose text is not a
     * complete description of the value).
     *
     * @return a new tester, never null
     */
    public ValueTypeTester<T> withoutParsing() {
        return new ValueTypeTester<>(type, null, false, secrets, names, exempt, arguments);
    }

    /**
     * Returns a tester that checks that {@code toString()} contains none of the texts the function
     * returns for a value (its personal data: the full e-mail address, the local part, the
     * digits of a phone number). Blank secrets are ignored. Also turns off the discovered parser.
     *
     * @param value returns the secrets of a value, never null, not null
     * @return a new tester, never null
     */
    public ValueTypeTester<T> masking(Function<? super T, ? extends Collection<String>> value) {
        Objects.requireNonNull(value, "masking: secrets must not be null");
        return new ValueTypeTester<>(type, parser, parsing, value, names, exempt, arguments);
    }

    /**
     * Returns a tester that also accepts the given words as the name of a null parameter in a
     * {@link NullPointerException} message (for example {@code "email"} when the message of
     * {@code EmailAddress.of(null)} names the field so).
     *
     * @param values the words, none blank, not null
     * @return a new tester, never null
     * @throws IllegalArgumentException if a word is blank
     */
    public ValueTypeTester<T> namingNullsAs(String... values) {
        Objects.requireNonNull(values, "namingNullsAs: names must not be null");
        Set<String> all = new LinkedHashSet<>(names);
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("namingNullsAs: a name must not be blank: '" + v + "'");
            }
            all.add(v);
        }
        return new ValueTypeTester<>(type, parser, parsing, secrets, Set.copyOf(all), exempt, arguments);
    }

    /**
     * Returns a tester that does not check the constructors and static methods of the given names
     * (the simple class name for constructors) for null rejection, for factories that accept null
     * on purpose.
     *
     * @param values the method names, not null
     * @return a new tester, never null
     */
    public ValueTypeTester<T> exceptNullChecksOf(String... values) {
        Objects.requireNonNull(values, "exceptNullChecksOf: names must not be null");
        Set<String> all = new LinkedHashSet<>(exempt);
        all.addAll(Arrays.asList(values));
        return new ValueTypeTester<>(type, parser, parsing, secrets, names, Set.copyOf(all), arguments);
    }

    /**
     * Returns a tester that passes the given valid value for parameters of the given type when it
     * calls factories in {@link #checkNullRejection}, where it cannot take one from the sample.
     *
     * @param <A> the parameter type
     * @param parameterType the parameter type, not null
     * @param value a valid argument, not null
     * @return a new tester, never null
     */
    public <A> ValueTypeTester<T> withArgument(Class<A> parameterType, A value) {
        Objects.requireNonNull(parameterType, "withArgument: parameterType must not be null");
        Objects.requireNonNull(value, "withArgument: value must not be null");
        Map<Class<?>, Object> all = new HashMap<>(arguments);
        all.put(parameterType, value);
        return new ValueTypeTester<>(type, parser, parsing, secrets, names, exempt, Map.copyOf(all));
    }

    /**
     * Returns the parser in use: the configured one, or the discovered {@code parse(String)} or
     * {@code of(String)}, if any.
     *
     * @return the parser, or empty if no round trip is checked
     */
    public Optional<Function<String, ? extends T>> parser() {
        if (!parsing) {
            return Optional.empty();
        }
        if (parser != null) {
            return Optional.of(parser);
        }
        if (secrets != null) {
            return Optional.empty();
        }
        for (String name : List.of("parse", "of")) {
            try {
                Method m = type.getMethod(name, String.class);
                if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type) {
                    return Optional.of(text -> type.cast(invoke(m, text)));
                }
            } catch (NoSuchMethodException e) {
                // look for the next
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(m + " is not accessible", e);
        }
    }

    /**
     * Checks one value: text, equality with itself and with copies, hash code, masking and round
     * trip, as listed on the class.
     *
     * @param value the value, not null
     * @throws AssertionError listing every violation
     */
    public void checkValue(T value) {
        Objects.requireNonNull(value, "checkValue: value must not be null");
        List<String> errors = new ArrayList<>();
        String text = value.toString();
        if (text == null) {
            errors.add("toString() returned null");
        } else if (!text.equals(value.toString())) {
            errors.add("toString() differs between two calls");
        }
        if (!value.equals(value)) {
            errors.add("equals is not reflexive");
        }
        if (value.equals(null)) {
            errors.add("equals(null) is true");
        }
        if (value.equals(new Object())) {
            errors.add("equals(new Object()) is true");
        }
        if (value.hashCode() != value.hashCode()) {
            errors.add("hashCode() differs between two calls");
        }
        if (type.isRecord()) {
            try {
                Object copy = canonical().newInstance(components(value));
                compareCopy(value, copy, "the copy built by the canonical constructor", errors);
            } catch (InvocationTargetException e) {
                errors.add("the canonical constructor rejects the components of the value: "
                        + e.getCause().getClass().getName());
            } catch (ReflectiveOperationException e) {
                errors.add("the canonical constructor cannot be called: " + e);
            }
        }
        if (text != null && secrets != null) {
            Collection<String> hidden = secrets.apply(value);
            for (String secret : hidden == null ? List.<String>of() : hidden) {
                if (secret != null && !secret.isBlank() && text.contains(secret)) {
                    errors.add("toString() reveals a secret of the value (" + secret.length() + " characters)");
                }
            }
        }
        Optional<Function<String, ? extends T>> p = parser();
        if (text != null && p.isPresent()) {
            try {
                T parsed = p.get().apply(text);
                if (parsed == null) {
                    errors.add("parsing toString() returned null");
                } else {
                    compareCopy(value, parsed, "the value parsed from toString()", errors);
                    if (!text.equals(parsed.toString())) {
                        errors.add("the value parsed from toString() prints another text");
                    }
                }
            } catch (RuntimeException e) {
                errors.add("parsing toString() failed with " + e.getClass().getName());
            }
        }
        fail(errors);
    }

    private void compareCopy(T value, Object copy, String what, List<String> errors) {
        if (!value.equals(copy) || !copy.equals(value)) {
            errors.add(what + " is not equal to the value");
        } else if (value.hashCode() != copy.hashCode()) {
            errors.add(what + " is equal to the value but has another hash code");
        }
    }

    /**
     * Checks two values against each other: symmetric {@code equals}, and equal hash codes and
     * texts for equal values.
     *
     * @param a a value, not null
     * @param b another value, possibly equal to {@code a}, not null
     * @throws AssertionError listing every violation
     */
    public void checkPair(T a, T b) {
        Objects.requireNonNull(a, "checkPair: a must not be null");
        Objects.requireNonNull(b, "checkPair: b must not be null");
        List<String> errors = new ArrayList<>();
        boolean ab = a.equals(b);
        if (ab != b.equals(a)) {
            errors.add("equals is not symmetric: a.equals(b) is " + ab + ", b.equals(a) is " + !ab);
        }
        if (ab && a.hashCode() != b.hashCode()) {
            errors.add("equal values have different hash codes");
        }
        if (ab && !Objects.equals(a.toString(), b.toString())) {
            errors.add("equal values print different texts");
        }
        fail(errors);
    }

    /**
     * Checks that every public constructor, and every public static method returning the type,
     * throws a {@link NullPointerException} for a null in each reference parameter, whose message
     * names the parameter: it contains (ignoring case) the record component of that position or of
     * that type, the simple name of the parameter type or of the value type with a lower-case
     * first letter ({@code currency}, {@code money}) or its leading camel-case words of four
     * letters or more ({@code rounding} for {@code RoundingMode}), or a word given to
     * {@link #namingNullsAs(String...)}. (Parameter names themselves are not available to
     * reflection unless the type was compiled with {@code -parameters}.)
     *
     * <p>The valid arguments come from the sample: for a record, its components (by position for
     * the canonical constructor, otherwise the first component of the parameter's type); for a single {@code String} parameter, the
     * sample's text; values given to {@link #withArgument}; zero or false for primitives; empty
     * optionals and collections; the first constant of an enum. An executable for which no
     * valid arguments can be found, or that rejects them, is skipped.
     *
     * @param sample a valid value, not null
     * @return the signatures of the executables checked, such as {@code "Money.ofMinor(long, Currency)"};
     *     never null
     * @throws AssertionError listing every violation
     */
    public List<String> checkNullRejection(T sample) {
        Objects.requireNonNull(sample, "checkNullRejection: sample must not be null");
        List<Executable> executables = new ArrayList<>(Arrays.asList(type.getConstructors()));
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type && m.getDeclaringClass() == type) {
                executables.add(m);
            }
        }
        executables.sort((x, y) -> signature(x).compareTo(signature(y)));
        List<String> checked = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Executable e : executables) {
            String name = e instanceof Constructor<?> ? type.getSimpleName() : e.getName();
            if (exempt.contains(name) || e.getParameterCount() == 0 || e.isVarArgs()) {
                continue;
            }
            Object[] args = validArguments(e, sample);
            if (args == null || call(e, args) != null) {
                continue;
            }
            boolean any = false;
            for (int i = 0; i < args.length; i++) {
                Class<?> p = e.getParameterTypes()[i];
                if (p.isPrimitive()) {
                    continue;
                }
                any = true;
                Object[] withNull = args.clone();
                withNull[i] = null;
                Throwable thrown = call(e, withNull);
                String where = signature(e) + " with null as parameter " + (i + 1) + " (" + p.getSimpleName() + ")";
                if (thrown == null) {
                    errors.add(where + " returned normally");
                } else if (!(thrown instanceof NullPointerException)) {
                    errors.add(where + " threw " + thrown.getClass().getName() + " instead of NullPointerException");
                } else {
                    Set<String> accepted = acceptedNames(e, i, p);
                    String message = thrown.getMessage();
                    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
                    if (accepted.stream().noneMatch(n -> lower.contains(n.toLowerCase(Locale.ROOT)))) {
                        errors.add(where + " threw a NullPointerException whose message " + (message == null ? "is null"
                                : "'" + message + "'") + " names none of " + accepted);
                    }
                }
            }
            if (any) {
                checked.add(signature(e));
            }
        }
        fail(errors);
        return List.copyOf(checked);
    }

    private Set<String> acceptedNames(Executable e, int index, Class<?> parameterType) {
        Set<String> accepted = new TreeSet<>(names);
        accepted.addAll(leadingWords(parameterType.getSimpleName()));
        accepted.addAll(leadingWords(type.getSimpleName()));
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            if (e instanceof Constructor<?> && isCanonical(e)) {
                accepted.add(rc[index].getName());
            } else {
                for (RecordComponent c : rc) {
                    if (c.getType() == parameterType) {
                        accepted.add(c.getName());
                    }
                }
            }
        }
        return accepted;
    }

    /**
     * The name with a lower-case first letter, and its leading camel-case words of four letters or
     * more: {@code roundingMode} and {@code rounding} for {@code RoundingMode}.
     */
    private static List<String> leadingWords(String simpleName) {
        List<String> out = new ArrayList<>();
        if (simpleName.isEmpty()) {
            return out;
        }
        String name = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        out.add(name);
        for (int i = 4; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                out.add(name.substring(0, i));
            }
        }
        return out;
    }

    private boolean isCanonical(Executable e) {
        return type.isRecord() && Arrays.equals(e.getParameterTypes(),
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
    }

    private Constructor<T> canonical() throws NoSuchMethodException {
        return type.getDeclaredConstructor(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
    }

    private Object[] components(T value) throws ReflectiveOperationException {
        RecordComponent[] rc = type.getRecordComponents();
        Object[] out = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            out[i] = rc[i].getAccessor().invoke(value);
        }
        return out;
    }

    /** Valid arguments for the executable, or null if there are none to be had. */
    private Object[] validArguments(Executable e, T sample) {
        Class<?>[] params = e.getParameterTypes();
        try {
            if (isCanonical(e)) {
                return components(sample);
            }
            Object[] args = new Object[params.length];
            for (int i = 0; i < params.length; i++) {
                Object arg = argument(params[i], params.length, sample);
                if (arg == null) {
                    return null;
                }
                args[i] = arg;
            }
            return args;
        } catch (ReflectiveOperationException ex) {
            return null;
        }
    }

    private Object argument(Class<?> p, int count, T sample) throws ReflectiveOperationException {
        if (arguments.containsKey(p)) {
            return arguments.get(p);
        }
        if (type.isRecord()) {
            List<RecordComponent> matching = Arrays.stream(type.getRecordComponents())
                    .filter(c -> c.getType() == p).toList();
            if (!matching.isEmpty()) {
                return matching.get(0).getAccessor().invoke(sample);
            }
        }
        if (p == String.class && count == 1) {
            return sample.toString();
        }
        if (p == type) {
            return sample;
        }
        return defaultValue(p);
    }

    private static Object defaultValue(Class<?> p) {
        if (p == boolean.class) {
            return false;
        }
        if (p == char.class) {
            return 'a';
        }
        if (p == byte.class || p == short.class || p == int.class) {
            return p == int.class ? (Object) 0 : p == short.class ? (Object) (short) 0 : (Object) (byte) 0;
        }
        if (p == long.class) {
            return 0L;
        }
        if (p == float.class) {
            return 0f;
        }
        if (p == double.class) {
            return 0d;
        }
        if (p == Optional.class) {
            return Optional.empty();
        }
        if (p == List.class || p == Collection.class) {
            return List.of();
        }
        if (p == SortedSet.class) {
            return new TreeSet<>();
        }
        if (p == Set.class) {
            return Set.of();
        }
        if (p == SortedMap.class) {
            return new TreeMap<>();
        }
        if (p == Map.class) {
            return Map.of();
        }
        if (p.isEnum() && p.getEnumConstants().length > 0) {
            return p.getEnumConstants()[0];
        }
        return null;
    }

    /** Calls the executable; returns what it threw, or null if it returned normally. */
    private static Throwable call(Executable e, Object[] args) {
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                ((Method) e).invoke(null, args);
            }
            return null;
        } catch (InvocationTargetException ex) {
            return ex.getCause();
        } catch (ReflectiveOperationException | IllegalArgumentException ex) {
            return ex;
        }
    }

    private String signature(Executable e) {
        String params = Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
        return type.getSimpleName() + (e instanceof Constructor<?> ? "" : "." + e.getName()) + "(" + params + ")";
    }

    private void fail(List<String> errors) {
        if (!errors.isEmpty()) {
            // the messages name the type, never the value: its text could hold personal data
            throw new AssertionError(type.getName() + " is not a proper value type:\n  - "
                    + String.join("\n  - ", errors));
        }
    }
}
