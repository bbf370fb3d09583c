package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A matrix in the definitions (the lifecycle transition matrix) prints as a table, not as one line. */
class DefinitionsMatrixTest {

    private static String print(Definitions d) {
        StringWriter s = new StringWriter();
        d.printTo(new PrintWriter(s));
        return s.toString();
    }

    @Test
    void aMatrixIsATableAndOtherMapsStayOnOneLine() {
        Map<String, Object> matrix = new LinkedHashMap<>();
        Map<String, Object> active = new LinkedHashMap<>();
        active.put("active", 259);
        active.put("churned", 11);
        matrix.put("active", active);
        Map<String, Object> churned = new LinkedHashMap<>();
        churned.put("active", 55);
        churned.put("churned", 1708);
        matrix.put("churned", churned);
        Map<String, Object> ragged = new LinkedHashMap<>();
        ragged.put("a", Map.of("x", 1));
        ragged.put("b", Map.of("y", 2));

        String text = print(new Definitions().put("transitions", matrix).put("counts", Map.of("high", 3))
                .put("ragged", ragged));

        assertThat(text).isEqualTo("definitions:\n"
                + "  transitions (rows \\ columns):\n"
                + "              active  churned\n"
                + "    active       259       11\n"
                + "    churned       55     1708\n"
                + "  counts: high = 3\n"
                + "  ragged: a = x = 1, b = y = 2\n");
    }
}
