package io.threatflow.remediation;

import static io.threatflow.remediation.RemediationProcess.*;

import io.threatflow.inventory.Criticality;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The severity decision in words for the triage form: SSVC's decision, the rule of threat-severity that set the
 * severity, and for each SSVC input its value and the evidence behind it. It explains what the decisions
 * decided (their outputs are read, never decided again here).
 */
final class SeverityReasons {

    private SeverityReasons() {
    }

    static String of(VariableScope scope, Severity decided, Severity recorded) {
        List<String> lines = new ArrayList<>();
        String ssvc = SSVC_DECISION.from(scope, null);
        lines.add("Severity: " + recorded.label() + (ssvc == null ? "" : "; SSVC decision: " + ssvcDecision(ssvc)) + ".");
        SEVERITY_RULE.optionalFrom(scope).ifPresent(rule -> lines.add("Set by the rule: " + inWords(rule) + "."));
        if (recorded != decided) {
            lines.add("Raised from " + decided.label().toLowerCase(Locale.ROOT)
                    + " by a report of the same threat while it was assessed.");
        }
        if (ssvc == null) {
            return String.join("\n", lines);
        }
        lines.add("- Exploitation: " + exploitationValue(SSVC_EXPLOITATION.from(scope, null)) + ", " + exploitation(scope)
                + ".");
        lines.add("- Automatable: " + capitalised(SSVC_AUTOMATABLE.from(scope, null)) + ", " + automatable(scope) + ".");
        lines.add("- Technical impact: " + capitalised(SSVC_TECHNICAL_IMPACT.from(scope, null)) + ", "
                + technicalImpact(scope) + ".");
        Criticality criticality = ASSET_CRITICALITY.from(scope, null);
        lines.add("- Mission and well-being impact: " + capitalised(SSVC_MISSION_IMPACT.from(scope, null))
                + ", the asset's criticality is " + (criticality == null ? "unknown"
                : criticality.label().toLowerCase(Locale.ROOT)) + ".");
        return String.join("\n", lines);
    }

    /** SSVC's decision in words: Act, Attend, Track* and Track are CISA's codes, not what a reader needs. */
    static String ssvcDecision(String ssvc) {
        return switch (ssvc) {
            case "Act" -> "act at once (critical)";
            case "Attend" -> "attend sooner than usual (at least high)";
            case "Track*" -> "track closely (at least medium)";
            default -> "track within the usual timelines";
        };
    }

    private static String exploitationValue(String value) {
        return "poc".equals(value) ? "Proof of concept" : capitalised(value);
    }

    private static String capitalised(String value) {
        return value == null || value.isEmpty() ? "not known"
                : Character.toUpperCase(value.charAt(0)) + value.substring(1).toLowerCase(Locale.ROOT);
    }

    /** A rule's description of threat-severity with the codes in it (HIGH, Track* ...) as words. */
    static String inWords(String rule) {
        String words = rule.replace("SSVC decision Track*", "SSVC decision track closely")
                .replace("SSVC decision Track", "SSVC decision track").replace("SSVC decision Act", "SSVC decision act")
                .replace("SSVC decision Attend", "SSVC decision attend");
        for (Severity severity : Severity.values()) {
            words = words.replaceAll("\\b" + severity.name() + "\\b", severity.label().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static String exploitation(VariableScope scope) {
        String cve = CVE.from(scope, null);
        if (KNOWN_EXPLOITED.from(scope, false)) {
            return cve + " is in the CISA KEV catalogue (exploited in the wild)";
        }
        List<String> evidence = new ArrayList<>();
        if (EXPLOIT_AVAILABLE.from(scope, false)) {
            evidence.add("the report says a public exploit is available");
        }
        Double epss = EPSS_SCORE.from(scope, null);
        Double threshold = EPSS_POC_THRESHOLD.from(scope, null);
        if (epss != null) {
            boolean above = threshold != null && epss > threshold;
            evidence.add("EPSS " + number(epss) + (above ? " is above" : " is not above") + " the threshold "
                    + number(threshold));
        }
        if (evidence.isEmpty()) {
            evidence.add(cve == null ? "no CVE, no exploit and no EPSS score reported"
                    : cve + " is not in CISA KEV; no exploit and no EPSS score reported");
        }
        return String.join("; ", evidence);
    }

    private static String automatable(VariableScope scope) {
        List<String> evidence = new ArrayList<>();
        if (INTERNET_FACING.from(scope, false)) {
            evidence.add("the asset is internet-facing (inventory or report)");
        }
        String service = RISKY_SERVICE.from(scope, null);
        if (service != null) {
            evidence.add("port " + PORT.from(scope, null) + " is " + service
                    + ", a service attackers scan and exploit in bulk");
        }
        if (evidence.isEmpty()) {
            evidence.add("not internet-facing and no risky service reported");
        }
        return String.join("; ", evidence);
    }

    private static String technicalImpact(VariableScope scope) {
        Double cvss = CVSS_SCORE.from(scope, null);
        String type = THREAT_TYPE.from(scope, null);
        String score = cvss == null ? "no CVSS score reported" : "CVSS " + number(cvss);
        if ("MALWARE".equals(type) || "COMPROMISED_ACCOUNT".equals(type)) {
            return score + "; an active intrusion (" + ThreatType.valueOf(type).label().toLowerCase(Locale.ROOT) + ")";
        }
        return score;
    }

    private static String number(Double value) {
        return value == null ? "(none)" : String.format(Locale.ROOT, "%s", value);
    }
}
