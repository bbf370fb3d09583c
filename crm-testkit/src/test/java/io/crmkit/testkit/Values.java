package io.crmkit.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reflection helpers over crm-core values (records, optionals, collections) for the tests. */
final class Values {

    private Values() {
    }

    /** Rebuilds a record through its canonical constructor, which re-runs every validation rule. */
    static Object rebuilt(Object record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = components[i].getAccessor().invoke(record);
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(record.getClass().getSimpleName() + " rejected its own components: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Visits the value and everything reachable from it through record components and containers. */
    static void visit(Object value, Consumer<Object> visitor) {
        if (value == null) {
            return;
        }
        visitor.accept(value);
        if (value instanceof Optional<?> o) {
            o.ifPresent(v -> visit(v, visitor));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> visit(v, visitor));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                visit(k, visitor);
                visit(v, visitor);
            });
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                try {
                    visit(rc.getAccessor().invoke(value), visitor);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Returns every instant reachable from the value. */
    static List<Instant> instantsIn(Object value) {
        ArrayList<Instant> out = new ArrayList<>();
        visit(value, v -> {
            if (v instanceof Instant t) {
                out.add(t);
            }
        });
        return out;
    }

    /** Returns every string reachable from the value. */
    static List<String> stringsIn(Object value) {
        ArrayList<String> out = new ArrayList<>();
        visit(value, v -> {
            if (v instanceof String s) {
                out.add(s);
            }
        });
        return out;
    }

    /** Returns whether the string holds a surrogate that is not part of a pair. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
