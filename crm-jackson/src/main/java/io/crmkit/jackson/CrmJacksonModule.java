package io.crmkit.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import java.io.Serializable;

/**
 * A Jackson module that serialises and deserialises every crmkit value type: identifiers,
 * {@link io.crmkit.core.Money}, {@link io.crmkit.core.TimeRange}, customers and their parts,
 * interactions, orders, service cases, survey responses, purchase-history options and every
 * crm-core enum. The JSON format is described in the {@linkplain io.crmkit.jackson package
 * documentation}.
 *
 * <p>Opt-in: register it explicitly,
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new CrmJacksonModule()).build();
 * }</pre>
 * or let {@code ObjectMapper.findAndRegisterModules()} find it through
 * {@code META-INF/services/com.fasterxml.jackson.databind.Module}.
 *
 * <p>The module only answers for crmkit's own types (public records, enums and sealed interfaces
 * of {@code io.crmkit.core} and its value packages); every other type is left to the mapper
 * exactly as before. It needs no other module: the JDK types inside crmkit values (instants,
 * dates, durations, currencies, optionals...) are written in a fixed format whatever the mapper's
 * settings or other modules are. A module registered after this one may still override the
 * format of a crmkit type.
 *
 * <p>Immutable and thread-safe; one instance may be registered with any number of mappers. It is
 * {@link Serializable}, as is a mapper it was registered with.
 */
public final class CrmJacksonModule extends Module implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name under which the module registers. */
    private static final String NAME = "crm-jackson";

    /**
     * Creates the module. Public and without arguments so that {@link java.util.ServiceLoader}
     * can create it.
     */
    public CrmJacksonModule() {
        // nothing to configure: the format is fixed
    }

    /**
     * Returns the module's name, {@code "crm-jackson"}.
     *
     * @return the name, never null
     */
    @Override
    public String getModuleName() {
        return NAME;
    }

    /**
     * Returns the crmkit version this module belongs to, with group {@code io.crmkit} and artifact
     * {@code crm-jackson}.
     *
     * @return the version, never null ({@link Version#unknownVersion()} only if the build did not
     *     record it)
     */
    @Override
    public Version version() {
        return PackageVersion.VERSION;
    }

    /**
     * Registers the serializers, deserializers and map-key (de)serializers of crmkit value types.
     *
     * @param context the mapper's setup context, not null
     */
    @Override
    public void setupModule(SetupContext context) {
        CrmDeserializers deserializers = new CrmDeserializers();
        context.addSerializers(new CrmSerializers(false));
        context.addKeySerializers(new CrmSerializers(true));
        context.addDeserializers(deserializers);
        context.addKeyDeserializers(deserializers);
    }

    /**
     * Returns the module's name and version.
     *
     * @return for example {@code "crm-jackson 0.1.0-SNAPSHOT"}, never null
     */
    @Override
    public String toString() {
        return NAME + " " + version();
    }
}
