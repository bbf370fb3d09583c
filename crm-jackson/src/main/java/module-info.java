/**
 * JSON for crmkit's value types: a Jackson module, found by {@code ObjectMapper.findAndRegisterModules()}
 * through the service it provides, and a reader for untrusted documents.
 */
module io.crmkit.jackson {
    requires transitive io.crmkit.core;
    requires transitive com.fasterxml.jackson.databind;

    exports io.crmkit.jackson;

    provides com.fasterxml.jackson.databind.Module with io.crmkit.jackson.CrmJacksonModule;
}
