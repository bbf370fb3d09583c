package io.crmkit.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of crm-jackson, read once from {@code crm-jackson.properties}, which the build
 * fills in from the Maven project.
 *
 * <p>Immutable and thread-safe.
 */
final class PackageVersion {

    /** The version; {@link Version#unknownVersion()} if the build did not fill it in. */
    static final Version VERSION = load();

    private PackageVersion() {
    }

    private static Version load() {
        Properties p = new Properties();
        try (InputStream in = PackageVersion.class.getResourceAsStream("crm-jackson.properties")) {
            if (in == null) {
                return Version.unknownVersion();
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crm-jackson.properties", e);
        }
        String version = p.getProperty("version", "");
        if (version.isEmpty() || version.startsWith("${")) {
            return Version.unknownVersion();
        }
        return VersionUtil.parseVersion(version, p.getProperty("groupId"), p.getProperty("artifactId"));
    }
}
