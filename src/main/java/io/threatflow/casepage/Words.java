package io.threatflow.casepage;

import io.threatflow.action.ActionPurpose;
import io.threatflow.action.ActionStatus;
import io.threatflow.action.ActionType;
import io.threatflow.inventory.Criticality;
import io.threatflow.remediation.Step;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Severity;
import io.threatflow.threat.SlaStanding;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people read instead of codes: every enum value a case page or report shows, in words; instants as ISO
 * dates and times in UTC; durations in days, hours and minutes.
 */
final class Words {

    /** Codes that system-written timeline details may carry, and their words. */
    private static final Map<String, String> CODES = new HashMap<>();
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\b");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z\\b");
    private static final Pattern PROCESS_KEY = Pattern.compile("threat-mitigation \\((\\w+)\\)");

    static {
        for (ActionStatus status : ActionStatus.values()) {
            CODES.put(status.name(), actionStatus(status));
        }
        for (ActionPurpose purpose : ActionPurpose.values()) {
            CODES.put(purpose.name(), purpose(purpose));
        }
        for (ActionType type : ActionType.values()) {
            CODES.put(type.name(), type.label());
        }
        for (ThreatStatus status : ThreatStatus.values()) {
            CODES.put(status.name(), status(status).toLowerCase(Locale.ROOT));
        }
        for (Severity severity : Severity.values()) {
            CODES.put(severity.name(), severity(severity).toLowerCase(Locale.ROOT));
        }
        for (ThreatType type : ThreatType.values()) {
            CODES.put(type.name(), type(type).toLowerCase(Locale.ROOT));
        }
        for (io.threatflow.inventory.NetworkState state : io.threatflow.inventory.NetworkState.values()) {
            CODES.put(state.name(), state.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        CODES.put("EMAIL", "e-mail");
        CODES.put("SIMULATION", "simulation");
        CODES.put("SLACK", "Slack");
        CODES.put("TEAMS", "Teams");
        CODES.put("LONG_TERM", "long-term mitigation");
    }

    private Words() {
    }

    static String severity(Severity severity) {
        if (severity == null) {
            return "not assessed yet";
        }
        return severity.label();
    }

    static String status(ThreatStatus status) {
        return switch (status) {
            case OPEN -> "Open";
            case CONTAINED -> "Contained";
            case ELIMINATED -> "Eliminated";
            case MITIGATED -> "Mitigated";
            case FALSE_POSITIVE -> "False positive";
            case WITHDRAWN -> "Withdrawn (its case was deleted)";
        };
    }

    static String type(ThreatType type) {
        return type.label();
    }

    static String actionStatus(ActionStatus status) {
        return status.label();
    }

    static String purpose(ActionPurpose purpose) {
        return switch (purpose) {
            case ERADICATION -> "eradication";
            case CONTAINMENT -> "containment";
            case MITIGATION -> "mitigation";
            case LIFT_CONTAINMENT -> "lifting the containment";
            case NOTIFICATION -> "notification";
            case VALIDATION -> "validation";
        };
    }

    static String criticality(Criticality criticality) {
        return criticality == null ? "unknown" : criticality.label();
    }

    static String sla(Sla sla) {
        return switch (sla) {
            case TRIAGE -> "Triage";
            case CONTAINMENT -> "Containment";
            case RESOLUTION -> "Resolution";
        };
    }

    static String standing(SlaStanding standing) {
        return standing.label();
    }

    /** A step of the case by its name in the timeline ({@code IDENTIFY} ...), or empty. */
    static String step(String step) {
        if (step == null) {
            return "";
        }
        try {
            return switch (Step.valueOf(step)) {
                case IDENTIFY -> "Identify";
                case RESPOND -> "Respond";
                case INVESTIGATE -> "Investigate";
                case ERADICATE -> "Eradicate";
                case VALIDATE -> "Validate";
                case MITIGATION -> "Mitigation";
            };
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** An action as one line: what, on which target, what for, and how it went. */
    static String action(ActionType type, ActionPurpose purpose) {
        String label = type.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " (" + purpose(purpose) + ")";
    }

    /**
     * A detail that the system wrote into the timeline, with the codes in it (statuses, purposes, modes, channels)
     * put in words and the process key left out.
     */
    static String detail(String text) {
        if (text == null) {
            return "";
        }
        Matcher key = PROCESS_KEY.matcher(text);
        String withoutKey = key.replaceAll(match -> Matcher.quoteReplacement(
                "CONTAINMENT".equals(match.group(1)) ? "containment" : "mitigation"));
        Matcher instant = ISO_INSTANT.matcher(withoutKey);
        String withDates = instant.replaceAll(match -> {
            try {
                return Matcher.quoteReplacement(when(Instant.parse(match.group())));
            } catch (java.time.format.DateTimeParseException e) {
                return Matcher.quoteReplacement(match.group());
            }
        });
        Matcher code = CODE.matcher(withDates);
        return code.replaceAll(match -> Matcher.quoteReplacement(CODES.getOrDefault(match.group(), match.group())));
    }

    static String when(Instant instant) {
        return io.threatflow.Text.utc(instant);
    }

    static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (60 * 24);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + rest + " min";
        }
        return rest + " min";
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
