package io.crmkit.spark;

import java.util.Optional;

/** Argument checks with messages that name the argument (crm-core's are internal). Stateless. */
final class Args {

    private Args() {
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    static <T> Optional<T> optional(Optional<T> value, String field) {
        return notNull(value, field);
    }
}
