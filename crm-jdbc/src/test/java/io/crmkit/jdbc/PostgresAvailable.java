package io.crmkit.jdbc;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik container, with the reason, when no PostgreSQL server can start, unless
 * PostgreSQL is required (then the tests run and fail with the reason).
 */
public final class PostgresAvailable implements SkipExecutionHook {

    /** Created by jqwik. */
    public PostgresAvailable() {
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (PostgresServer.get().isPresent() || PostgresServer.required()) {
            return SkipResult.doNotSkip();
        }
        return SkipResult.skip(PostgresServer.unavailableReason());
    }
}
