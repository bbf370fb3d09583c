package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.CustomerRepository;
import io.crmkit.core.port.memory.InMemoryCustomerRepository;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every crm-core value type, found by scanning crm-core's classes, is written and read by this
 * module: a new record in crm-core with a component type the module cannot represent fails here.
 */
class CoverageTest {

    private final ObjectMapper mapper = Json.mapper();

    @Test
    void everyCrmCoreValueTypeIsHandledByTheModule() throws Exception {
        List<Class<?>> covered = crmCoreClasses().stream()
                .filter(c -> CrmTypes.kindOf(c).isPresent())
                .collect(Collectors.toList());

        assertThat(covered).contains(CustomerId.class, Money.class, TimeRange.class, ContactPoint.class,
                Customer.class, Interaction.class, Order.class, ServiceCase.class, SurveyResponse.class,
                SurveyScore.class, PurchaseHistoryOptions.class, AsOf.class, AsOf.EndOfDay.class);
        assertThat(covered).hasSizeGreaterThan(60);
        for (Class<?> type : covered) {
            assertThat(mapper.getSerializerProviderInstance().findValueSerializer(type).getClass().getPackageName())
                    .as("serializer of %s", type.getName()).isEqualTo("io.crmkit.jackson");
            // only the module's deserializers describe a wrong token as "found a JSON boolean"
            MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
                    () -> mapper.readValue("true", type));
            assertThat(e).as("deserializer of %s", type.getName()).isNotNull();
            assertThat(e.getMessage()).as("deserializer of %s", type.getName()).contains("found a JSON boolean");
        }
    }

    @Test
    void typesThatAreNotValuesAreLeftToTheMapper() throws ClassNotFoundException {
        // crm-core's internal package is not exported to crm-jackson: named, not imported
        Class<?> checks = Class.forName("io.crmkit.core.internal.Checks");
        for (Class<?> type : List.of(CurrencyMismatchException.class, PurchaseHistory.class, checks,
                CustomerRepository.class, InMemoryCustomerRepository.class, Customer.Builder.class, String.class)) {
            assertThat(CrmTypes.kindOf(type)).as(type.getName()).isEmpty();
        }
    }

    /** An enum whose constant has a body, and so a class of its own. */
    enum WithBody {
        SPECIAL {
            @Override
            public String toString() {
                return "special";
            }
        }
    }

    @Test
    void theClassOfAnEnumConstantWithABodyStandsForItsEnum() {
        assertThat(WithBody.SPECIAL.getClass()).isNotEqualTo(WithBody.class);
        assertThat(CrmTypes.valueClass(WithBody.SPECIAL.getClass())).isEqualTo(WithBody.class);
        assertThat(CrmTypes.valueClass(Money.class)).isEqualTo(Money.class);
        assertThat(CrmTypes.valueClass(io.crmkit.core.customer.PartyKind.class))
                .isEqualTo(io.crmkit.core.customer.PartyKind.class);
    }

    private static List<Class<?>> crmCoreClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(CustomerId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            names.addAll(classNames(location));
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                names.addAll(classNames(jar.getPath("/")));
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, CoverageTest.class.getClassLoader()));
        }
        return classes;
    }

    private static List<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith(".class") && !n.endsWith("package-info.class")
                            && !n.endsWith("module-info.class") && n.startsWith("io"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .collect(Collectors.toList());
        }
    }
}
