package io.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.segmentation.cluster.ClusterOptions;
import io.crmkit.segmentation.cluster.Scaling;
import io.crmkit.segmentation.lifecycle.ChurnFeature;
import io.crmkit.segmentation.lifecycle.ChurnModelOptions;
import io.crmkit.segmentation.lifecycle.ForecastOptions;
import io.crmkit.segmentation.lifecycle.RhythmOptions;
import io.crmkit.segmentation.lifecycle.StageOptions;
import io.crmkit.segmentation.lifecycle.StageThresholds;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
import io.crmkit.segmentation.lifecycle.WarningOptions;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.Direction;
import io.crmkit.segmentation.rfm.RfmOptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The options idiom (docs/adr/0100): {@code toBuilder().build()} is the identity, and a builder sets exactly what it names. */
class OptionsIdiomProperties {

    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    @Property(tries = 100)
    void rfmOptions(@ForAll @IntRange(min = 2, max = 9) int bins, @ForAll Direction direction) {
        RfmOptions built = RfmOptions.builder().binning(Dimension.FREQUENCY, new Binning.Ntile(bins))
                .direction(Dimension.MONETARY, direction).build();
        assertThat(built.frequency()).isEqualTo(new Binning.Ntile(bins));
        assertThat(built.monetaryDirection()).isEqualTo(direction);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(RfmOptions.rRfm().toBuilder().build()).isEqualTo(RfmOptions.rRfm());
    }

    @Property(tries = 100)
    void churnModelOptions(@ForAll @IntRange(min = 1, max = 365) int horizon,
            @ForAll @DoubleRange(min = 0.01, max = 100) double ridge, @ForAll ChurnFeature dropped) {
        EnumSet<ChurnFeature> features = EnumSet.allOf(ChurnFeature.class);
        if (dropped != ChurnFeature.MODEL) { // the model's probability is the one feature always used
            features.remove(dropped);
        }
        ChurnModelOptions built = ChurnModelOptions.builder(AS_OF, horizon).ridge(ridge).features(features).build();
        assertThat(built.toBuilder().build()).isEqualTo(built);
        ChurnModelOptions changed = built.toBuilder().ridge(ridge * 2).build();
        assertThat(changed.ridge()).isEqualTo(ridge * 2);
        assertThat(changed.features()).isEqualTo(built.features());
        assertThat(changed.horizonDays()).isEqualTo(horizon);
    }

    @Property(tries = 50)
    void warningOptions(@ForAll boolean withoutDecline) {
        WarningOptions built = WarningOptions.builder(AS_OF).build();
        if (withoutDecline) {
            built = built.toBuilder().decline(Optional.empty()).build();
            assertThat(built.decline()).isEmpty();
        }
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Property(tries = 100)
    void clusterOptions(@ForAll @IntRange(min = 2, max = 100) int k, @ForAll long seed, @ForAll Scaling scaling,
            @ForAll @IntRange(min = 1, max = 10) int restarts) {
        ClusterOptions built = ClusterOptions.builder(k, seed).scaling(scaling).restarts(restarts).build();
        ClusterOptions plain = ClusterOptions.of(k, seed);
        assertThat(built).isEqualTo(new ClusterOptions(k, seed, scaling, plain.maxIterations(), plain.tolerance(),
                restarts));
        assertThat(built.toBuilder().build()).isEqualTo(built);
    }

    @Property(tries = 100)
    void lifecycleOptions(@ForAll @DoubleRange(min = 0.05, max = 0.95) double level,
            @ForAll @IntRange(min = 1, max = 10) int gaps, @ForAll RevenueBasis basis) {
        ForecastOptions forecast = ForecastOptions.builder(AS_OF).intervalLevel(level).build();
        assertThat(forecast).isEqualTo(new ForecastOptions(AS_OF, level));
        assertThat(forecast.toBuilder().build()).isEqualTo(forecast);
        assertThat(ForecastOptions.builder(AS_OF).build().intervalLevel()).isEqualTo(0.8);

        RhythmOptions rhythm = RhythmOptions.builder().minimumGaps(gaps).build();
        assertThat(rhythm).isEqualTo(new RhythmOptions(gaps, RhythmOptions.defaults().populationQuantile(),
                RhythmOptions.defaults().fallbackDays()));
        assertThat(rhythm.toBuilder().build()).isEqualTo(rhythm);

        StageOptions stages = StageOptions.builder(AS_OF, new StageThresholds.Relative(2, 4, rhythm)).build();
        assertThat(stages.toBuilder().asOf(AS_OF.plusDays(1)).build()).isEqualTo(stages.at(AS_OF.plusDays(1)));

        TimelineOptions timeline = TimelineOptions.builder().zone(ZoneId.of("Europe/Paris")).revenueBasis(basis)
                .countedCategories(EnumSet.of(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN)).build();
        assertThat(timeline.toBuilder().build()).isEqualTo(timeline);
        assertThat(timeline.withZone(ZoneId.of("UTC"))).isEqualTo(timeline.toBuilder().zone(ZoneId.of("UTC")).build());
    }
}
