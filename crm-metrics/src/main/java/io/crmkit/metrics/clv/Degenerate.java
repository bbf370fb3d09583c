package io.crmkit.metrics.clv;

/**
 * Argument checks and the rules for data that cannot identify a model, shared by the models.
 */
final class Degenerate {

    private Degenerate() {
    }

    /**
     * Rejects data from which the purchase process cannot be estimated, with a
     * {@link ModelFitException} whose report has status {@link FitStatus#FAILED}: no customers,
     * nobody with observation time, nobody who repeated.
     */
    static void check(String model, BtydData data) {
        double n = data.customerCount();
        if (n == 0) {
            throw new IllegalArgumentException(model + " cannot be fitted to no customers");
        }
        if (n < 2) {
            throw failed(model, "one customer cannot identify the spread of purchase and drop-out rates across"
                    + " customers; fit at least two (and in practice hundreds)", n);
        }
        boolean anyTime = false;
        for (int k = 0; k < data.patternCount(); k++) {
            anyTime |= data.bigT(k) > 0;
        }
        if (!anyTime) {
            throw failed(model, "every customer has T = 0 (first purchase at the end of the calibration period):"
                    + " there is no observation time to learn from", n);
        }
        if (!data.anyRepeat()) {
            throw failed(model, "no customer made a repeat purchase: the likelihood keeps increasing as the"
                    + " purchase rate goes to 0, so no finite estimate exists", n);
        }
    }

    static ModelFitException failed(String model, String reason, double n) {
        return new ModelFitException(model, reason, new FitReport(FitStatus.FAILED, 0, 0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 0, "none", 0, Math.max(n, 1)));
    }

    /** A scale for alpha's start: observation time per repeat purchase. */
    static double timePerPurchase(BtydData data) {
        double time = 0;
        double purchases = 0;
        for (int k = 0; k < data.patternCount(); k++) {
            time += data.weight(k) * data.bigT(k);
            purchases += data.weight(k) * data.x(k);
        }
        double v = time / Math.max(purchases, 1);
        return v > 0 && Double.isFinite(v) ? v : 1;
    }

    static void checkCustomer(int x, double tx, double bigT) {
        BtydData.validate(0, x, tx, bigT, 1);
    }

    static void checkHorizon(double t) {
        if (!Double.isFinite(t) || t < 0) {
            throw new IllegalArgumentException("horizon t must be finite and not negative: " + t);
        }
    }

    static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of transactions n must not be negative: " + n);
        }
    }
}
