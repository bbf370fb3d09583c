package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lloyd's iterations from given centres, worked by hand on points of a line (the other two
 * features 0): the refill of an emptied cluster, the convergence test ("the squared centroid shift
 * is at most the threshold", or no customer moved), the iteration limit, and ties.
 */
class LloydTest {

    /** Points on the first feature axis, the other two features 0. */
    private static double[] line(double... v) {
        double[] x = new double[v.length * KMeans.D];
        for (int i = 0; i < v.length; i++) {
            x[i * KMeans.D] = v[i];
        }
        return x;
    }

    @Test
    void emptiedClustersTakeTheFarthestPointOfAClusterThatCanSpareOne() {
        // Every point is nearest 0.5, so clusters 1 and 2 start empty. Cluster 1 takes 11, the point
        // farthest from its centroid; cluster 2 then takes 10 (11 is now alone in cluster 1 and
        // cannot be taken again). Means 1, 11 and 10; the second pass moves no one.
        double[] x = line(0, 1, 2, 10, 11);
        KMeans.Lloyd run = KMeans.Lloyd.run(x, 5, 3, line(0.5, 1000, 2000), 100, 0);
        assertThat(run.assignment).containsExactly(0, 0, 0, 2, 1);
        assertThat(run.centers).containsExactly(line(1, 11, 10));
        assertThat(run.inertia).isEqualTo(2.0);
        assertThat(run.iterations).isEqualTo(2);
        assertThat(run.converged).isTrue();
    }

    @Test
    void theIterationLimitStopsBeforeConvergence() {
        KMeans.Lloyd run = KMeans.Lloyd.run(line(0, 1, 2, 10, 11), 5, 3, line(0.5, 1000, 2000), 1, 0);
        assertThat(run.iterations).isEqualTo(1);
        assertThat(run.converged).isFalse();
        // the centres of the one pass, and every point reassigned to its nearest one at the end
        assertThat(run.centers).containsExactly(line(1, 11, 10));
        assertThat(run.assignment).containsExactly(0, 0, 0, 2, 1);
        assertThat(run.inertia).isEqualTo(2.0);
    }

    @Test
    void aShiftEqualToTheThresholdConverges() {
        // First pass: 0, 1, 2 go to 0.9 and 10, 11 to 10.6; the means 1 and 10.5 move the centres
        // by 0.1 each. A threshold equal to that squared shift stops there; one just below it needs
        // the second pass, which moves no one.
        double shift = (1.0 - 0.9) * (1.0 - 0.9) + (10.5 - 10.6) * (10.5 - 10.6);
        KMeans.Lloyd atThreshold = KMeans.Lloyd.run(line(0, 1, 2, 10, 11), 5, 2, line(0.9, 10.6), 100, shift);
        assertThat(atThreshold.iterations).isEqualTo(1);
        assertThat(atThreshold.converged).isTrue();
        assertThat(atThreshold.centers).containsExactly(line(1, 10.5));
        assertThat(atThreshold.inertia).isEqualTo(1 + 0 + 1 + 0.25 + 0.25);

        KMeans.Lloyd below = KMeans.Lloyd.run(line(0, 1, 2, 10, 11), 5, 2, line(0.9, 10.6), 100,
                Math.nextDown(shift));
        assertThat(below.iterations).isEqualTo(2);
        assertThat(below.converged).isTrue();
        assertThat(below.centers).containsExactly(line(1, 10.5));
    }

    @Test
    void aPointEquallyFarFromTwoCentresJoinsTheLowerNumberedOne() {
        // 5 is 5 from both centres: it joins centre 0, whose mean becomes 2.5
        KMeans.Lloyd run = KMeans.Lloyd.run(line(0, 5, 10), 3, 2, line(0, 10), 1, 0);
        assertThat(run.centers).containsExactly(line(2.5, 10));
        assertThat(run.assignment).containsExactly(0, 0, 1);
        assertThat(run.inertia).isEqualTo(2.5 * 2.5 * 2);
    }
}
