package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.Order;
import io.crmkit.testkit.contract.ListCustomerRepository.Bug;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contracts catch the bugs that real adapters have: each deliberately broken repository fails
 * the property that covers the clause it breaks, on the contract's own generated seeds, while the
 * bug-free repository passes the same property on the same seeds.
 */
class ContractSensitivityTest {

    private static final int SEEDS = 200;

    /** The seeds, generated once for all tests (generation dominates the run time). */
    private static final class Sampled {
        static final List<EventSeed<Order>> ORDERS = orders(ListOrderRepository.Bug.NONE).customerEventSeeds()
                .sampleStream().limit(SEEDS).toList();
        static final List<CustomerSeed> CUSTOMERS = customers(Bug.NONE).customerSeeds()
                .sampleStream().limit(SEEDS).toList();
    }

    private static OrderRepositoryContract<ListOrderRepository> orders(ListOrderRepository.Bug bug) {
        return records -> new ListOrderRepository(records, bug);
    }

    private static CustomerRepositoryContract<ListCustomerRepository> customers(Bug bug) {
        return records -> new ListCustomerRepository(records, bug);
    }

    /** Runs a property on the seeds; returns how many seeds falsified it. Rejected tries do not count. */
    private static <S, C> int falsifyingSeeds(C contract, List<S> samples, PropertyCall<C, S> property) {
        int failures = 0;
        for (int k = 0; k < samples.size(); k++) {
            try {
                property.run(contract, samples.get(k), k);
            } catch (TestAbortedException rejected) {
                // an Assume in the property rejected this seed
            } catch (AssertionError | RuntimeException falsified) {
                failures++;
            }
        }
        return failures;
    }

    @FunctionalInterface
    private interface PropertyCall<C, S> {
        void run(C contract, S seed, int k);
    }

    private static void assertCaught(ListOrderRepository.Bug bug, PropertyCall<OrderRepositoryContract<ListOrderRepository>,
            EventSeed<Order>> property) {
        List<EventSeed<Order>> seeds = Sampled.ORDERS;
        assertThat(falsifyingSeeds(orders(ListOrderRepository.Bug.NONE), seeds, property))
                .as("the bug-free repository passes").isZero();
        assertThat(falsifyingSeeds(orders(bug), seeds, property)).as("seeds that catch %s", bug).isPositive();
    }

    private static void assertCaught(Bug bug, PropertyCall<CustomerRepositoryContract<ListCustomerRepository>,
            CustomerSeed> property) {
        List<CustomerSeed> seeds = Sampled.CUSTOMERS;
        assertThat(falsifyingSeeds(customers(Bug.NONE), seeds, property)).as("the bug-free repository passes").isZero();
        assertThat(falsifyingSeeds(customers(bug), seeds, property)).as("seeds that catch %s", bug).isPositive();
    }

    @Test
    void inclusiveEndBoundsAreCaught() {
        assertCaught(ListOrderRepository.Bug.INCLUSIVE_END,
                (c, seed, k) -> c.rangesIncludeRecordsAtTheirStartAndExcludeRecordsAtTheirEnd(seed, k, 7 * k + 3));
        assertCaught(ListOrderRepository.Bug.INCLUSIVE_END,
                (c, seed, k) -> c.streamReturnsExactlyTheRecordsInTheRangeInEventOrder(seed));
        assertCaught(Bug.INCLUSIVE_END, (c, seed, k) ->
                c.rangesIncludeCustomersCreatedAtTheirStartAndExcludeThoseAtTheirEnd(seed, k, 7 * k + 3));
    }

    @Test
    void exclusiveStartBoundsAreCaught() {
        assertCaught(ListOrderRepository.Bug.EXCLUSIVE_START,
                (c, seed, k) -> c.rangesIncludeRecordsAtTheirStartAndExcludeRecordsAtTheirEnd(seed, k, 7 * k + 3));
    }

    @Test
    void orderingWithoutTheIdentifierTieBreakIsCaught() {
        assertCaught(ListOrderRepository.Bug.TIME_ORDER_ONLY,
                (c, seed, k) -> c.streamReturnsExactlyTheRecordsInTheRangeInEventOrder(seed));
        assertCaught(Bug.CREATED_WITHOUT_TIE_BREAK,
                (c, seed, k) -> c.streamCreatedReturnsExactlyTheCustomersCreatedInTheRange(seed));
        assertCaught(Bug.ALL_BY_CREATION_TIME, (c, seed, k) -> c.streamAllReturnsEveryCustomerOrderedByIdentifier(seed));
    }

    @Test
    void customerPrefixMatchingIsCaught() {
        assertCaught(ListOrderRepository.Bug.PREFIX_CUSTOMER_MATCH,
                (c, seed, k) -> c.streamForCustomerReturnsExactlyThatCustomersRecordsInTheRange(seed));
    }

    @Test
    void caseInsensitiveIdentifiersAreCaught() {
        assertCaught(ListOrderRepository.Bug.CASE_INSENSITIVE_IDS,
                (c, seed, k) -> c.findByIdIsEmptyForIdentifiersNotSeeded(seed));
    }

    @Test
    void droppedStatusCategoriesAreCaught() {
        assertCaught(ListOrderRepository.Bug.DROPS_VOID_ORDERS,
                (c, seed, k) -> c.allTimeYieldsEveryRecordInEventOrder(seed));
        assertCaught(ListOrderRepository.Bug.DROPS_VOID_ORDERS,
                (c, seed, k) -> c.streamsReturnOrdersOfEveryStatusCategory());
    }

    @Test
    void lostMillisecondsAreCaught() {
        assertCaught(ListOrderRepository.Bug.SECOND_PRECISION, (c, seed, k) -> c.findByIdReturnsEverySeededRecord(seed));
    }

    @Test
    void rangesThatOverflowForAllTimeAreCaught() {
        assertCaught(ListOrderRepository.Bug.EPOCH_MILLIS_RANGE,
                (c, seed, k) -> c.allTimeYieldsEveryRecordInEventOrder(seed));
    }

    @Test
    void nullInsteadOfAnEmptyOptionalIsCaught() {
        assertCaught(ListOrderRepository.Bug.NULL_FOR_UNKNOWN_ID,
                (c, seed, k) -> c.findByIdIsEmptyForIdentifiersNotSeeded(seed));
    }

    @Test
    void duplicatesAreCaught() {
        assertCaught(ListOrderRepository.Bug.DUPLICATE_AT_START,
                (c, seed, k) -> c.streamReturnsExactlyTheRecordsInTheRangeInEventOrder(seed));
    }

    @Test
    void acceptedNullArgumentsAreCaught() {
        assertCaught(ListOrderRepository.Bug.ACCEPTS_NULL, (c, seed, k) -> c.nullArgumentsAreRejected());
    }

    @Test
    void streamsSharingOneCursorAreCaught() {
        assertCaught(ListOrderRepository.Bug.SHARED_CURSOR, (c, seed, k) -> c.streamsMayBeOpenAtTheSameTime(seed));
    }

    @Test
    void aWrongCountIsCaught() {
        assertCaught(Bug.COUNT_OF_CREATION_INSTANTS, (c, seed, k) -> c.countIsTheNumberOfCustomers(seed));
    }
}
