package io.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.interaction.InteractionChannel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceCaseTest {

    private static final Instant OPENED = Instant.parse("2026-05-04T09:00:00Z");
    private static final SlaTargets SLA = SlaTargets.of(Duration.ofHours(1), Duration.ofHours(24));

    private static ServiceCase.Builder complaint() {
        return ServiceCase.builder(ServiceCaseId.of("s-1"), CustomerId.of("c-1"), CaseType.COMPLAINT,
                InteractionChannel.WECHAT, OPENED).sla(SLA);
    }

    @Test
    void durationsAndBreachesOfAResolvedCase() {
        ServiceCase c = complaint().firstResponseAt(OPENED.plus(Duration.ofMinutes(90)))
                .resolvedAt(OPENED.plus(Duration.ofHours(20))).status(CaseStatus.RESOLVED)
                .resolution(Resolution.of(ResolutionCode.COMPENSATED)).build();
        assertThat(c.isComplaint()).isTrue();
        assertThat(c.firstResponseTime()).contains(Duration.ofMinutes(90));
        assertThat(c.resolutionTime()).contains(Duration.ofHours(20));
        assertThat(c.isFirstResponseBreached(OPENED.plus(Duration.ofDays(30)))).isTrue();
        assertThat(c.isResolutionBreached(OPENED.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void anOpenCaseBreachesOnceItsDeadlinePasses() {
        ServiceCase c = complaint().build();
        Instant deadline = OPENED.plus(Duration.ofHours(1));
        assertThat(c.isFirstResponseBreached(deadline)).isFalse();
        assertThat(c.isFirstResponseBreached(deadline.plusSeconds(1))).isTrue();
        assertThat(c.isOpenAt(deadline)).isTrue();
        assertThat(c.isOpenAt(OPENED.minusSeconds(1))).isFalse();
    }

    @Test
    void withoutTargetsNothingIsBreached() {
        ServiceCase c = complaint().sla(SlaTargets.none()).build();
        assertThat(c.isFirstResponseBreached(Instant.MAX)).isFalse();
        assertThat(c.isResolutionBreached(Instant.MAX)).isFalse();
    }

    @Test
    void closedWithoutResolutionFinishesAtClosing() {
        ServiceCase c = complaint().status(CaseStatus.CLOSED).closedAt(OPENED.plus(Duration.ofHours(2))).build();
        assertThat(c.finishedAt()).contains(OPENED.plus(Duration.ofHours(2)));
        assertThat(c.isOpenAt(OPENED.plus(Duration.ofHours(2)))).isFalse();
    }

    @Test
    void timesMustNotPrecedeTheOpening() {
        assertThatThrownBy(() -> complaint().firstResponseAt(OPENED.minusSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstResponseAt")
                .hasMessageContaining("openedAt");
        assertThatThrownBy(() -> complaint().status(CaseStatus.CLOSED).resolvedAt(OPENED.plusSeconds(60))
                .closedAt(OPENED.plusSeconds(30)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closedAt");
    }

    @Test
    void statusCategoryMustAgreeWithTheTimes() {
        assertThatThrownBy(() -> complaint().resolvedAt(OPENED.plusSeconds(60)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-1").hasMessageContaining("OPEN");
        assertThatThrownBy(() -> complaint().status(CaseStatus.RESOLVED).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolvedAt");
        assertThatThrownBy(() -> complaint().status(CaseStatus.CLOSED).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closedAt");
        assertThatThrownBy(() -> complaint().resolution(Resolution.of(ResolutionCode.FIXED)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
    }

    @Test
    void slaTargetsMustBePositive() {
        assertThatThrownBy(() -> SlaTargets.of(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstResponse");
    }
}
