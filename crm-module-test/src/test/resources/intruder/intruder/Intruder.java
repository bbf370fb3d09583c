package intruder;

/** Reaches for crmkit internals, which the descriptors export to crmkit's own modules only. */
public final class Intruder {

    public static void main(String[] args) {
        io.crmkit.core.internal.Checks.notNull(args, "args");
        System.out.println(io.crmkit.metrics.internal.Ranking.class);
    }
}
