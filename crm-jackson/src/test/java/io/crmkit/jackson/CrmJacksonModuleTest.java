package io.crmkit.jackson;

import static io.crmkit.jackson.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.order.Order;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Registration, version, and the promise to leave other types alone. */
class CrmJacksonModuleTest {

    /** A host's own record, with the same JDK types crmkit uses. */
    record Shipment(String id, Instant at, Optional<String> note, BigDecimal weight, DayOfWeek day, List<String> tags,
            Map<String, Integer> counts, Duration transit, LocalDate due, Currency currency) {
    }

    /** A host's record that merely looks like a crmkit identifier. */
    record TrackingId(String value) {
    }

    /** A host's container that asks for type ids on its payload. */
    static final class Envelope {
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "@kind")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = Money.class, name = "money"),
            @JsonSubTypes.Type(value = Customer.class, name = "customer"),
            @JsonSubTypes.Type(value = CustomerId.class, name = "customerId")})
        public Object payload;
    }

    @Test
    void findAndRegisterModulesPicksTheModuleUp() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        assertThat(mapper.getRegisteredModuleIds()).contains(CrmJacksonModule.class.getName());
        assertThat(mapper.writeValueAsString(Money.parse("USD 1.5"))).isEqualTo(json("{'amount':'1.50','currency':'USD'}"));
        assertThat(ObjectMapper.findModules()).hasAtLeastOneElementOfType(CrmJacksonModule.class);
    }

    @Test
    void serviceLoaderFindsTheModule() {
        List<Module> modules = StreamSupport.stream(ServiceLoader.load(Module.class).spliterator(), false)
                .collect(Collectors.toList());
        assertThat(modules).hasAtLeastOneElementOfType(CrmJacksonModule.class);
    }

    @Test
    void versionIsTheCrmkitVersion() {
        Version version = new CrmJacksonModule().version();
        assertThat(version.isUnknownVersion()).isFalse();
        assertThat(version.getGroupId()).isEqualTo("io.crmkit");
        assertThat(version.getArtifactId()).isEqualTo("crm-jackson");
        assertThat(version.toString()).isEqualTo(System.getProperty("crmkit.version"));
        assertThat(new CrmJacksonModule()).hasToString("crm-jackson " + version);
    }

    @Test
    void moduleNameIsStable() {
        assertThat(new CrmJacksonModule().getModuleName()).isEqualTo("crm-jackson");
    }

    @Test
    void registeringTwiceChangesNothing() throws Exception {
        ObjectMapper twice = JsonMapper.builder().addModule(new CrmJacksonModule()).addModule(new CrmJacksonModule())
                .build();
        assertThat(twice.getRegisteredModuleIds()).containsOnlyOnce(CrmJacksonModule.class.getName());
        assertThat(twice.writeValueAsString(Fixtures.order())).isEqualTo(Json.mapper().writeValueAsString(Fixtures.order()));
    }

    @Test
    void aMapperThatUsedTheModuleStaysJavaSerializable() throws Exception {
        ObjectMapper mapper = Json.mapper();
        String text = mapper.writeValueAsString(Fixtures.order());
        assertThat(mapper.readValue(text, Order.class)).isEqualTo(Fixtures.order());
        String customer = mapper.writeValueAsString(Fixtures.person());
        assertThat(mapper.readValue(customer, Customer.class)).isEqualTo(Fixtures.person());
        TypeReference<Map<CustomerId, LifecycleStage>> keyed = new TypeReference<>() { };
        Map<CustomerId, LifecycleStage> stages = Map.of(CustomerId.of("C-1"), LifecycleStage.NEW);
        String stagesText = mapper.writeValueAsString(stages);
        assertThat(mapper.readValue(stagesText, keyed)).isEqualTo(stages);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(mapper);
        }
        ObjectMapper copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ObjectMapper) in.readObject();
        }
        assertThat(copy.writeValueAsString(Fixtures.order())).isEqualTo(text);
        assertThat(copy.readValue(text, Order.class)).isEqualTo(Fixtures.order());
        assertThat(copy.writeValueAsString(Fixtures.person())).isEqualTo(customer);
        assertThat(copy.readValue(customer, Customer.class)).isEqualTo(Fixtures.person());
        assertThat(copy.writeValueAsString(stages)).isEqualTo(stagesText);
        assertThat(copy.readValue(stagesText, keyed)).isEqualTo(stages);
    }

    @Test
    void aFreshMapperMayBeSharedByThreadsFromTheFirstCall() throws Exception {
        ObjectMapper mapper = Json.mapper();
        String customer = Json.mapper().writeValueAsString(Fixtures.person());
        String order = Json.mapper().writeValueAsString(Fixtures.order());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 50; i++) {
                        ok &= mapper.readValue(customer, Customer.class).equals(Fixtures.person());
                        ok &= mapper.writeValueAsString(mapper.readValue(order, Order.class)).equals(order);
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherTypesAreWrittenAndReadExactlyAsWithoutTheModule() throws Exception {
        ObjectMapper without = hostMapper(false);
        ObjectMapper with = hostMapper(true);
        Shipment shipment = new Shipment("S-1", Instant.parse("2024-01-31T09:30:00Z"), Optional.of("fragile"),
                new BigDecimal("1.250"), DayOfWeek.MONDAY, List.of("a", "b"), Map.of("boxes", 2), Duration.ofHours(36),
                LocalDate.of(2024, 2, 2), Currency.getInstance("EUR"));
        String expected = without.writeValueAsString(shipment);
        assertThat(with.writeValueAsString(shipment)).isEqualTo(expected);
        assertThat(expected).contains("\"at\":1706693400.000000000");

        for (Object value : new Object[] {Instant.EPOCH, Optional.empty(), DayOfWeek.FRIDAY, Currency.getInstance("JPY"),
                new TrackingId("T-1"), Map.of("k", List.of(1, 2))}) {
            assertThat(with.writeValueAsString(value)).isEqualTo(without.writeValueAsString(value));
        }

        String lenientInput = json("{'id':'S-2','extra':true,'day':'TUESDAY'}");
        assertThat(with.readValue(lenientInput, Shipment.class)).isEqualTo(without.readValue(lenientInput, Shipment.class));
        assertThat(with.readValue(expected, Shipment.class)).isEqualTo(shipment);
        assertThat(with.readValue(json("{'value':'T-1'}"), TrackingId.class)).isEqualTo(new TrackingId("T-1"));
    }

    private static ObjectMapper hostMapper(boolean withCrmkit) {
        JsonMapper.Builder b = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (withCrmkit) {
            b.addModule(new CrmJacksonModule());
        }
        return b.build();
    }

    @Test
    void crmkitValuesInAHostsPolymorphicContainerCarryTheContainersTypeId() throws Exception {
        ObjectMapper mapper = Json.mapper();
        Envelope money = new Envelope();
        money.payload = Money.parse("USD 2.00");
        String text = mapper.writeValueAsString(money);
        assertThat(text).isEqualTo(json("{'payload':{'@kind':'money','amount':'2.00','currency':'USD'}}"));
        assertThat(mapper.readValue(text, Envelope.class).payload).isEqualTo(money.payload);

        Envelope id = new Envelope();
        id.payload = CustomerId.of("C-1");
        text = mapper.writeValueAsString(id);
        assertThat(text).isEqualTo(json("{'payload':['customerId','C-1']}"));
        assertThat(mapper.readValue(text, Envelope.class).payload).isEqualTo(id.payload);

        Envelope customer = new Envelope();
        customer.payload = Fixtures.person();
        assertThat(mapper.readValue(mapper.writeValueAsString(customer), Envelope.class).payload)
                .isEqualTo(customer.payload);
    }
}
