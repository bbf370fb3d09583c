package io.crmkit.core.history;

import io.crmkit.core.CustomerId;
import java.util.Arrays;

/**
 * The segmentation view of purchase summaries: per customer the recency (days since the last
 * purchase, to the as-of point), the frequency (number of purchases) and the monetary value (sum
 * and mean per purchase, in major currency units), in columns indexed like the summaries.
 *
 * <p>The bulk accessors return fresh copies of the columns.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmView {

    private final CustomerId[] ids;
    private final double[] recencyDays;
    private final int[] frequency;
    private final double[] monetarySum;
    private final double[] monetaryMean;

    RfmView(CustomerId[] ids, double[] recencyDays, int[] frequency, double[] monetarySum, double[] monetaryMean) {
        this.ids = ids;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.monetarySum = monetarySum;
        this.monetaryMean = monetaryMean;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the index, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return ids[i];
    }

    /**
     * Returns a customer's recency: days from the last purchase to the as-of point (whole days on
     * the day clock).
     *
     * @param i the index
     * @return the recency in days, not negative
     */
    public double recencyDays(int i) {
        return recencyDays[i];
    }

    /**
     * Returns a customer's number of purchases.
     *
     * @param i the index
     * @return the frequency, at least 1
     */
    public int frequency(int i) {
        return frequency[i];
    }

    /**
     * Returns a customer's total purchase value in major currency units.
     *
     * @param i the index
     * @return the sum
     */
    public double monetarySum(int i) {
        return monetarySum[i];
    }

    /**
     * Returns a customer's mean value per purchase in major currency units.
     *
     * @param i the index
     * @return the mean
     */
    public double monetaryMean(int i) {
        return monetaryMean[i];
    }

    /**
     * Returns a copy of the recency column.
     *
     * @return days since the last purchase, per customer, never null
     */
    public double[] recencyDays() {
        return recencyDays.clone();
    }

    /**
     * Returns a copy of the frequency column.
     *
     * @return purchases per customer, never null
     */
    public int[] frequency() {
        return frequency.clone();
    }

    /**
     * Returns a copy of the monetary-sum column.
     *
     * @return total value per customer, never null
     */
    public double[] monetarySum() {
        return monetarySum.clone();
    }

    /**
     * Returns a copy of the monetary-mean column.
     *
     * @return mean value per purchase, per customer, never null
     */
    public double[] monetaryMean() {
        return monetaryMean.clone();
    }

    /**
     * Returns a short description with the number of customers.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "RfmView[customers=" + ids.length + ", totalPurchases=" + Arrays.stream(frequency).asLongStream().sum()
                + "]";
    }
}
