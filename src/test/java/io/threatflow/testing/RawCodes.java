package io.threatflow.testing;

import java.util.List;
import java.util.regex.Pattern;

/** What people must not read on a page or in a report: an enum value or a BPMN id. */
public final class RawCodes {

    private static final Pattern CODE =
            Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b|\\b(Task|Gateway|EndEvent|StartEvent|SequenceFlow|BoundaryEvent)_\\w+");

    private RawCodes() {
    }

    /** The codes in the text, in order; empty when it reads as words. */
    public static List<String> in(String text) {
        return CODE.matcher(text).results().map(match -> match.group()).toList();
    }
}
