package io.crmkit.core.loyalty;

/**
 * How an order's net amount is rounded to whole currency units before it earns: points =
 * rate x round(net amount in whole currency units), applied per order (never to a customer's
 * total). A partial unit earns nothing under {@link #DOWN}, the default.
 *
 * <p>Immutable and thread-safe.
 */
public enum PointsRounding {
    /** Towards zero: 10.99 counts as 10 whole units, so 2 points per unit earns 20. The default. */
    DOWN,
    /** To the nearest unit, halves up: 10.50 counts as 11 units, 10.49 as 10. */
    HALF_UP,
    /** Away from zero: 10.01 counts as 11 units. */
    UP;

    /**
     * Returns the whole currency units an amount counts for under this rounding.
     *
     * @param amountMinor the amount in minor units, not negative
     * @param minorPerUnit minor units per whole unit (100 for two decimal places), positive
     * @return the whole units, not negative
     * @throws IllegalArgumentException if an argument is out of range
     */
    public long wholeUnits(long amountMinor, long minorPerUnit) {
        if (amountMinor < 0 || minorPerUnit <= 0) {
            throw new IllegalArgumentException("wholeUnits of amountMinor " + amountMinor + ", minorPerUnit "
                    + minorPerUnit);
        }
        long whole = amountMinor / minorPerUnit;
        long rest = amountMinor % minorPerUnit;
        return switch (this) {
            case DOWN -> whole;
            case HALF_UP -> rest >= minorPerUnit - rest ? whole + 1 : whole;
            case UP -> rest > 0 ? whole + 1 : whole;
        };
    }

    /**
     * Returns the points of an amount: {@code pointsPerUnit x wholeUnits(amountMinor)}.
     *
     * @param amountMinor the amount in minor units, not negative
     * @param pointsPerUnit points per whole currency unit, not negative
     * @param minorPerUnit minor units per whole unit (100 for two decimal places), positive
     * @return the points, not negative
     * @throws ArithmeticException if the product exceeds the range of {@code long}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public long points(long amountMinor, long pointsPerUnit, long minorPerUnit) {
        if (pointsPerUnit < 0) {
            throw new IllegalArgumentException("points of amountMinor " + amountMinor + ", pointsPerUnit "
                    + pointsPerUnit + ", minorPerUnit " + minorPerUnit);
        }
        return Math.multiplyExact(wholeUnits(amountMinor, minorPerUnit), pointsPerUnit);
    }
}
