package io.threatflow;

/** Text as tools send it. */
public final class Text {

    private Text() {
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

    public static boolean isBlank(String value) {
        return value == null || strip(value).isEmpty();
    }

    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == '\u200B'
                || codePoint == '\uFEFF';
    }
}
