package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class GenerationSmokeTest {

    @Test
    void everyArbitraryGeneratesValuesThatPassTheirConstructorAgain() throws Exception {
        for (var e : CrmArbitraries.byType().entrySet()) {
            Supplier<Arbitrary<?>> factory = e.getValue();
            var values = factory.get().sampleStream().limit(1000).toList();
            for (Object v : values) {
                assertThat(v).isInstanceOf(e.getKey());
                if (v.getClass().isRecord()) {
                    RecordComponent[] rc = v.getClass().getRecordComponents();
                    Object[] args = new Object[rc.length];
                    for (int i = 0; i < rc.length; i++) {
                        args[i] = rc[i].getAccessor().invoke(v);
                    }
                    Constructor<?> c = v.getClass().getDeclaredConstructor(
                            Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new));
                    assertThat(c.newInstance(args)).isEqualTo(v);
                }
            }
        }
    }
}
