package io.crmkit.testkit.contract;

import io.crmkit.testkit.ValueTypeTester;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a value type, for a host's test to implement (jqwik's contract-test pattern):
 * the checks of a {@link ValueTypeTester} run on generated values.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class SkuTest implements ValueTypeContract<Sku> {
 *     @Override
 *     public ValueTypeTester<Sku> tester() {
 *         return ValueTypeTester.forType(Sku.class);
 *     }
 *
 *     @Override
 *     public Arbitrary<Sku> values() {
 *         return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(Sku::of);
 *     }
 * }
 * }</pre>
 *
 * @param <T> the value type
 */
public interface ValueTypeContract<T> {

    /**
     * Returns the tester of the type, configured as the type needs (parser, masking...).
     *
     * @return the tester, never null
     */
    ValueTypeTester<T> tester();

    /**
     * Returns valid values of the type; a few equal pairs among them (a small domain, or
     * {@code edgeCases}) exercise the equal-values clauses best.
     *
     * @return the arbitrary, never null
     */
    Arbitrary<T> values();

    /**
     * Provides {@link #values()} to the properties of this contract.
     *
     * @return the arbitrary, never null
     */
    @Provide
    default Arbitrary<T> valueTypeValues() {
        return values();
    }

    /**
     * Every value passes {@link ValueTypeTester#checkValue}.
     *
     * @param value a value
     */
    @Property(tries = 200)
    default void everyValueIsAProperValue(@ForAll("valueTypeValues") T value) {
        tester().checkValue(value);
    }

    /**
     * Every pair of values passes {@link ValueTypeTester#checkPair}, including each value with
     * itself.
     *
     * @param a a value
     * @param b another value
     */
    @Property(tries = 200)
    default void everyPairIsConsistent(@ForAll("valueTypeValues") T a, @ForAll("valueTypeValues") T b) {
        tester().checkPair(a, b);
        tester().checkPair(a, a);
    }

    /**
     * The constructors and factories of the type reject null, checked on a value generated once.
     * At least one constructor or factory must be checkable.
     *
     * @param sample a value
     */
    @Property(tries = 5)
    default void factoriesRejectNull(@ForAll("valueTypeValues") T sample) {
        assertThat(tester().checkNullRejection(sample)).as("constructors and factories checked").isNotEmpty();
    }
}
