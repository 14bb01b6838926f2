package io.threatflow.benchmark;

import io.threatflow.threat.NewThreat;
import io.threatflow.threat.Severity;
import io.threatflow.threat.ThreatType;
import java.time.Instant;

/**
 * The benchmark's reports, a fixed mix by case number: every report carries its own CVE or port and its own
 * sourceRef, so the intake never merges two of them into one case.
 */
final class ThreatMix {

    static final String FALSE_POSITIVE_MARK = "[benchmark false positive]";

    /** Out of 20 reports: 7 vulnerabilities, 5 exposed services, 5 malware, 1 mitigated, 2 false positives. */
    static final String DESCRIPTION = "per 20 cases: 7 VULNERABILITY (CVE, web-01/laptop-0042), "
            + "5 EXPOSED_SERVICE (port, web-01/db-01), 5 MALWARE (laptop-0042, containment), "
            + "1 EXPOSED_SERVICE on an unmanaged printer (eradication rejected, residual risk accepted), "
            + "2 false positives";

    private ThreatMix() {
    }

    /** Report number {@code n} of run {@code run} ("warmup", "measured"): unique across the whole JVM run. */
    static NewThreat report(String run, int n) {
        int unique = n + (run.equals("warmup") ? 0 : 50_000);
        String ref = "bench-" + run + "-" + n;
        Instant now = Instant.now();
        return switch (n % 20) {
            case 0, 1, 2, 3, 4, 5, 6 -> new NewThreat("Vulnerable library " + ref, ThreatType.VULNERABILITY,
                    n % 2 == 0 ? "web-01" : "laptop-0042", "benchmark", Severity.MEDIUM,
                    String.format("CVE-2099-%05d", unique), null, "bench-scanner", ref, now, false);
            case 7, 8, 9, 10, 11 -> new NewThreat("Exposed service " + ref, ThreatType.EXPOSED_SERVICE,
                    n % 2 == 0 ? "web-01" : "db-01", "benchmark", Severity.HIGH,
                    null, port(unique), "bench-scanner", ref, now, false);
            // without a CVE or port all malware on one host is one threat (Fingerprints): the C2 port tells
            // the concurrent infections apart
            case 12, 13, 14, 15, 16 -> new NewThreat("Malware beacon " + ref, ThreatType.MALWARE,
                    "laptop-0042", "benchmark", Severity.HIGH, null, port(unique), "bench-edr", ref, now, false);
            // an unmanaged asset refuses every action: the case takes the mitigation path
            case 17 -> new NewThreat("Open printer service " + ref, ThreatType.EXPOSED_SERVICE,
                    "printer-3f.corp.example", "benchmark", Severity.LOW, null, port(unique), "bench-scanner", ref, now, false);
            default -> new NewThreat(FALSE_POSITIVE_MARK + " " + ref, ThreatType.EXPOSED_SERVICE,
                    "web-01", "benchmark", Severity.LOW, null, port(unique), "bench-scanner", ref, now, false);
        };
    }

    private static int port(int unique) {
        return 1024 + unique % 64_000;
    }
}
