package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The lifecycle stage of every customer of a {@link PurchaseTimelines} at one as-of date, in the
 * timelines' row order (ascending customer identifier), with the counts per stage.
 *
 * <p>Immutable and thread-safe.
 */
public final class LifecycleReport {

    private final PurchaseTimelines timelines;
    private final StageOptions options;
    private final byte[] stage;
    private final int[] purchases;
    private final double[] rhythm;
    private final byte[] source;
    private final double[] atRisk;
    private final double[] churned;

    LifecycleReport(PurchaseTimelines timelines, StageOptions options, byte[] stage, int[] purchases, double[] rhythm,
            byte[] source, double[] atRisk, double[] churned) {
        this.timelines = timelines;
        this.options = options;
        this.stage = stage;
        this.purchases = purchases;
        this.rhythm = rhythm;
        this.source = source;
        this.atRisk = atRisk;
        this.churned = churned;
    }

    /**
     * Returns the options of the assignment.
     *
     * @return the options, never null
     */
    public StageOptions options() {
        return options;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return stage.length;
    }

    /**
     * Returns a customer's stage.
     *
     * @param i the row, as in the timelines
     * @return the stage, never null
     */
    public Stage stage(int i) {
        return STAGES[stage[i]];
    }

    /**
     * Returns a customer's stage by identifier.
     *
     * @param id the customer, not null
     * @return the stage, empty if the customer is unknown
     */
    public Optional<Stage> stageOf(CustomerId id) {
        OptionalInt i = timelines.indexOf(id);
        return i.isPresent() ? Optional.of(stage(i.getAsInt())) : Optional.empty();
    }

    /**
     * Returns one customer's stage with the numbers behind it.
     *
     * @param i the row
     * @return the row, never null
     */
    public CustomerStage customer(int i) {
        int k = purchases[i];
        CustomerId id = timelines.customerId(i);
        if (k == 0) {
            return new CustomerStage(id, Stage.PROSPECT, 0, Optional.empty(), OptionalInt.empty(),
                    OptionalDouble.empty(), RhythmSource.NONE, OptionalDouble.empty(), OptionalDouble.empty());
        }
        int last = timelines.days[timelines.offsets[i] + k - 1];
        RhythmSource src = RhythmSource.values()[source[i]];
        int from = timelines.offsets[i];
        return new CustomerStage(id, stage(i), timelines.purchases(from, from + k), Optional.of(LocalDate.ofEpochDay(last)),
                OptionalInt.of(PurchaseTimelines.toEpochDay(options.asOf()) - last),
                src == RhythmSource.NONE ? OptionalDouble.empty() : OptionalDouble.of(rhythm[i]), src,
                OptionalDouble.of(atRisk[i]), OptionalDouble.of(churned[i]));
    }

    /**
     * Returns every customer's row, in row order.
     *
     * @return the rows, never null
     */
    public Stream<CustomerStage> customers() {
        return IntStream.range(0, size()).mapToObj(this::customer);
    }

    /**
     * Returns the number of customers per stage; every stage is a key.
     *
     * @return the counts, never null
     */
    public Map<Stage, Integer> counts() {
        int[] c = new int[STAGES.length];
        for (byte s : stage) {
            c[s]++;
        }
        Map<Stage, Integer> out = new EnumMap<>(Stage.class);
        for (Stage s : STAGES) {
            out.put(s, c[s.ordinal()]);
        }
        return out;
    }

    /**
     * Returns the definitions of the assignment: what a purchase is, the as-of date, the thresholds.
     *
     * @return the description, never null
     */
    public String definitions() {
        return timelines.options().describe() + "; " + options.describe();
    }

    PurchaseTimelines timelines() {
        return timelines;
    }

    byte stageCode(int i) {
        return stage[i];
    }

    @Override
    public String toString() {
        return "LifecycleReport[" + size() + " customers " + counts() + ", " + options.describe() + "]";
    }

    private static final Stage[] STAGES = Stage.values();
}
