package io.crmkit.jackson;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the crmkit JSON format needs to know about one record class: its components in
 * declaration order, their accessors and generic types, its canonical constructor, its
 * discriminator (for members of a sealed interface) and the component blamed when its constructor
 * rejects the values.
 *
 * <p>Immutable and thread-safe.
 */
final class RecordModel {

    private final Class<?> type;
    private final List<String> names;
    private final Map<String, Integer> indexes;
    private final Method[] accessors;
    private final Type[] genericTypes;
    private final Constructor<?> constructor;
    private final Optional<String> tag;
    private final Optional<String> singleRuleComponent;

    private RecordModel(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        List<String> n = new ArrayList<>(components.length);
        Map<String, Integer> idx = new LinkedHashMap<>();
        accessors = new Method[components.length];
        genericTypes = new Type[components.length];
        Class<?>[] rawTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            n.add(components[i].getName());
            idx.put(components[i].getName(), i);
            accessors[i] = components[i].getAccessor();
            genericTypes[i] = components[i].getGenericType();
            rawTypes[i] = components[i].getType();
        }
        names = Collections.unmodifiableList(n);
        indexes = Collections.unmodifiableMap(idx);
        try {
            constructor = type.getConstructor(rawTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no public canonical constructor", e);
        }
        tag = CrmTypes.tagOf(type);
        if (tag.isPresent() && indexes.containsKey(CrmTypes.TYPE_PROPERTY)) {
            throw new IllegalArgumentException("record " + type.getName() + " has a component named '"
                    + CrmTypes.TYPE_PROPERTY + "', which its discriminator needs");
        }
        singleRuleComponent = CrmTypes.singleRuleComponent(type).filter(indexes::containsKey);
    }

    /**
     * Returns the model of a record class.
     *
     * @param type a public record class, not null
     * @return the model, never null
     * @throws IllegalArgumentException if the record cannot be represented
     */
    static RecordModel of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return new RecordModel(type);
    }

    /** @return the record class */
    Class<?> type() {
        return type;
    }

    /** @return the component names in declaration order */
    List<String> names() {
        return names;
    }

    /** @return the number of components */
    int size() {
        return accessors.length;
    }

    /**
     * Returns the position of a component.
     *
     * @param name the property name
     * @return the index, or -1 if the record has no such component
     */
    int indexOf(String name) {
        Integer i = indexes.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Returns a component's generic type.
     *
     * @param index the component index
     * @return the type
     */
    Type genericType(int index) {
        return genericTypes[index];
    }

    /** @return the discriminator, for members of a sealed crmkit interface */
    Optional<String> tag() {
        return tag;
    }

    /** @return the component that constructor rejections are about, if there is a single one */
    Optional<String> singleRuleComponent() {
        return singleRuleComponent;
    }

    /**
     * Reads a component of a record.
     *
     * @param record the record, not null
     * @param index the component index
     * @return the value
     */
    Object get(Object record, int index) {
        try {
            return accessors[index].invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + type.getName() + "." + names.get(index), e);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Calls the canonical constructor.
     *
     * @param args the component values
     * @return the record
     * @throws RuntimeException what the constructor threw, unwrapped
     */
    Object construct(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IllegalStateException(cause);
    }
}
