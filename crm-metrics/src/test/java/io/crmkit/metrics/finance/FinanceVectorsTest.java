package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of {@code ../shared/data/expected/finance-vectors.json} (published values from
 * Microsoft's documentation, numpy-financial's tests and others, cross-checked with mpmath, scipy,
 * Apache POI and LibreOffice), as one dynamic test each.
 */
class FinanceVectorsTest {

    private static Path file() {
        String dir = System.getProperty("crmkit.shared.data", "../../shared/data");
        return Path.of(dir, "expected", "finance-vectors.json");
    }

    @TestFactory
    Stream<DynamicTest> everyPublishedVector() throws IOException {
        Path file = file();
        assumeTrue(Files.isRegularFile(file), "finance vectors not found at " + file + " (../shared/data absent)");
        // the file records other implementations' NaN answers as bare NaN tokens
        ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        JsonNode vectors = mapper.readTree(file.toFile()).get("vectors");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : vectors) {
            tests.add(DynamicTest.dynamicTest(v.get("id").asText() + " (" + v.get("function").asText() + ")",
                    () -> check(v)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(37);
        return tests.stream();
    }

    private static void check(JsonNode v) {
        JsonNode in = v.get("inputs");
        boolean error = v.hasNonNull("expected_error");
        double tol = v.path("tolerance").asDouble(0);
        switch (v.get("function").asText()) {
            case "NPV_EXCEL" -> {
                if (error) {
                    assertThatThrownBy(() -> Npv.excel(in.get("rate").asDouble(), doubles(in.get("values"))))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
                } else {
                    assertThat(Npv.excel(in.get("rate").asDouble(), doubles(in.get("values"))))
                            .isCloseTo(v.get("expected").asDouble(), within(tol));
                }
            }
            case "NPV_EXCEL_PLUS_T0" -> assertThat(in.get("initial").asDouble()
                    + Npv.excel(in.get("rate").asDouble(), doubles(in.get("values"))))
                    .isCloseTo(v.get("expected").asDouble(), within(tol));
            case "NPV_T0" -> assertThat(Npv.fromTimeZero(in.get("rate").asDouble(), doubles(in.get("values"))))
                    .isCloseTo(v.get("expected").asDouble(), within(tol));
            case "IRR" -> checkIrr(v, Irr.irr(doubles(in.get("values"))), tol, error);
            case "XIRR" -> checkIrr(v, Irr.xirr(dated(in)), tol, error);
            case "MIRR" -> {
                double[] values = doubles(in.get("values"));
                double fr = in.get("finance_rate").asDouble();
                double rr = in.get("reinvest_rate").asDouble();
                if (error) {
                    assertThatThrownBy(() -> Irr.mirr(values, fr, rr)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("undefined");
                } else {
                    assertThat(Irr.mirr(values, fr, rr)).isCloseTo(v.get("expected").asDouble(), within(tol));
                }
            }
            case "XNPV" -> {
                if (error) {
                    assertThatThrownBy(() -> Npv.xnpv(in.get("rate").asDouble(), dated(in)))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earliest");
                } else {
                    assertThat(Npv.xnpv(in.get("rate").asDouble(), dated(in)))
                            .isCloseTo(v.get("expected").asDouble(), within(tol));
                }
            }
            case "ROI" -> {
                BigDecimal gain = new BigDecimal(in.get("gain").asText());
                BigDecimal cost = new BigDecimal(in.get("cost").asText());
                if (error) {
                    assertThatThrownBy(() -> Roi.of(gain, cost)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("cost");
                } else {
                    assertThat(Roi.of(gain, cost)).isEqualByComparingTo(new BigDecimal(v.get("expected").asText()));
                }
            }
            default -> throw new AssertionError("vector " + v.get("id") + " has an unknown function");
        }
    }

    private static void checkIrr(JsonNode v, RateResult result, double tol, boolean error) {
        if (error || v.get("expected").isNull()) {
            assertThat(result).isInstanceOf(RateResult.NoRoot.class);
            assertThat(((RateResult.NoRoot) result).reason()).contains("do not change sign");
            return;
        }
        double expected = v.get("expected").asDouble();
        JsonNode guess = v.get("inputs").get("guess");
        double chosen = result.nearest(guess == null ? expected : guess.asDouble()).orElseThrow();
        assertThat(chosen).isCloseTo(expected, within(tol));
        JsonNode all = v.path("reference_info").path("all_real_roots_gt_-1");
        if (all.isArray()) {
            assertThat(result.rates()).hasSize(all.size());
            for (int i = 0; i < all.size(); i++) {
                assertThat(result.rates().get(i)).isCloseTo(all.get(i).asDouble(), within(1e-9));
            }
        }
        JsonNode signChanges = v.path("reference_info").path("sign_changes");
        if (signChanges.isInt()) {
            assertThat(result.signChanges()).isEqualTo(signChanges.asInt());
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static List<DatedCashFlow> dated(JsonNode in) {
        List<DatedCashFlow> flows = new ArrayList<>();
        for (int i = 0; i < in.get("values").size(); i++) {
            flows.add(DatedCashFlow.of(LocalDate.parse(in.get("dates").get(i).asText()),
                    in.get("values").get(i).asDouble()));
        }
        return flows;
    }
}
