package io.threatflow;

/** Text as tools send it. */
public final class Text {

    private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private Text() {
    }

    /** An instant as people read it on a form or page: ISO date and time to the minute, in UTC. */
    public static String utc(java.time.Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /**
     * Without leading and trailing white space of any kind, the no-break spaces that {@link String#strip()}
     * keeps included: copied from a web page, " web-01" must still be web-01.
     */
    public static String strip(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && blank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /**
     * On one line and at most {@code max} characters, with "…" where it was cut: another system's words as a
     * log line, an action's detail or an incident shows them.
     */
    public static String oneLine(String value, int max) {
        String line = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    /**
     * Whether the text holds a control character (NUL, ESC, DEL, the C1 controls ...), tab and line breaks
     * counted only when {@code lineBreaksAllowed} is false: such characters reach logs, terminals and other tools,
     * where they rewrite what people see.
     */
    public static boolean hasControlCharacters(String value, boolean lineBreaksAllowed) {
        return value != null && value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')));
    }

    /**
     * The text with every control character written out as an escape ({@code \n}, {@code \r}, ESC as backslash-u001b;
     * tab stays), and the Unicode line and paragraph separators too: a log line that quotes it stays one line, and an
     * ESC sequence cannot recolour or rewrite a terminal.
     */
    public static String escapeControlCharacters(String value) {
        if (value == null || value.chars().noneMatch(Text::needsEscape)) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> {
            if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (needsEscape(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
    }

    public static boolean isBlank(String value) {
        return value == null || strip(value).isEmpty();
    }

    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == '\u200B'
                || codePoint == '\uFEFF';
    }
}
