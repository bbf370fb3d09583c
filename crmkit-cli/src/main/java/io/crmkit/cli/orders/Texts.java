package io.crmkit.cli.orders;

/** Text helpers for the readers' messages. Stateless and thread-safe. */
public final class Texts {

    private static final int MAX_QUOTED = 40;

    private Texts() {
    }

    /**
     * Quotes a (non-personal) value for a message: at most 40 characters, control characters as {@code ?}.
     *
     * @param value the value, not null
     * @return the quoted text, never null
     */
    public static String quote(String value) {
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
