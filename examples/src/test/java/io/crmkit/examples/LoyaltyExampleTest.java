package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The loyalty quick start: one point per whole dollar of each order, and the books balance. */
class LoyaltyExampleTest {

    private final Captured out = Captured.of(LoyaltyExample::run);

    @Test
    void pointsEarnedAreTheWholeDollarsOfEachOrderAndTheBooksBalance() {
        long expected = ShopData.orders().map(Order::netRevenue)
                .mapToLong(m -> m.amount().setScale(0, RoundingMode.DOWN).longValueExact()).sum();
        Matcher all = out.line("all members: earned (\\d+) = redeemed (\\d+) \\+ expired (\\d+) \\+ reversed (\\d+)"
                + " \\+ outstanding (\\d+)");
        long earned = Long.parseLong(all.group(1));
        assertThat(earned).isEqualTo(expected);
        assertThat(all.group(2)).isEqualTo("50");
        assertThat(earned).isEqualTo(Long.parseLong(all.group(2)) + Long.parseLong(all.group(3))
                + Long.parseLong(all.group(4)) + Long.parseLong(all.group(5)));
        long outstanding = Long.parseLong(all.group(5));
        Matcher liability = out.line("outstanding: (\\d+) points, liability USD ([0-9.]+)");
        assertThat(Long.parseLong(liability.group(1))).isEqualTo(outstanding);
        assertThat(new BigDecimal(liability.group(2))).isEqualByComparingTo(BigDecimal.valueOf(outstanding, 2));
        out.line("members: " + ShopData.CUSTOMERS + ", orders counted: " + ShopData.orders().count()
                + ", shortfalls: 0");
    }

    @Test
    void theMemberWhoRedeemedHasABalancedAccount() {
        Matcher m = out.line("C0000002: earned (\\d+), redeemed (\\d+), expired (\\d+), balance (\\d+)");
        long earned = ShopData.orders().filter(o -> o.customerId().value().equals("C0000002"))
                .mapToLong(o -> o.netRevenue().amount().setScale(0, RoundingMode.DOWN).longValueExact()).sum();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(earned);
        assertThat(m.group(2)).isEqualTo("50");
        assertThat(earned).isEqualTo(50 + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)));
    }
}
