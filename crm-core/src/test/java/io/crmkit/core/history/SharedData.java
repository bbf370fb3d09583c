package io.crmkit.core.history;

import java.nio.file.Path;

/** Locates {@code ../shared/data}: the system property set by the build, else relative to the module. */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        String configured = System.getProperty("crmkit.shared.data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    }
}
