package io.crmkit.core.loyalty;

/**
 * How an order's points are rounded to a whole number: points = round(rate x net amount in whole
 * currency units), applied per order (never to a customer's total).
 *
 * <p>Immutable and thread-safe.
 */
public enum PointsRounding {
    /** Towards zero: 2 points per unit on 10.99 earns 21. The default. */
    DOWN,
    /** To the nearest, halves up: 1 point per unit on 10.50 earns 11. */
    HALF_UP,
    /** Away from zero: 1 point per unit on 10.01 earns 11. */
    UP;

    /**
     * Returns the points of an amount.
     *
     * @param amountMinor the amount in minor units, not negative
     * @param pointsPerUnit points per whole currency unit, not negative
     * @param minorPerUnit minor units per whole unit (100 for two decimal places), positive
     * @return the points, not negative
     * @throws ArithmeticException if the product exceeds the range of {@code long}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public long points(long amountMinor, long pointsPerUnit, long minorPerUnit) {
        if (amountMinor < 0 || pointsPerUnit < 0 || minorPerUnit <= 0) {
            throw new IllegalArgumentException("points of amountMinor " + amountMinor + ", pointsPerUnit "
                    + pointsPerUnit + ", minorPerUnit " + minorPerUnit);
        }
        long product = Math.multiplyExact(amountMinor, pointsPerUnit);
        long whole = product / minorPerUnit;
        long rest = product % minorPerUnit;
        return switch (this) {
            case DOWN -> whole;
            case HALF_UP -> rest * 2 >= minorPerUnit ? whole + 1 : whole;
            case UP -> rest > 0 ? whole + 1 : whole;
        };
    }
}
