package io.threatflow.threat;

import io.threatflow.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What identifies a threat across reports: the reporting tool's own reference, and what was observed
 * (asset, type, and the CVE or port). Two reports that share a fingerprint while the first is open are one
 * threat.
 */
public final class Fingerprints {

    private static final int MAX_LENGTH = 700;

    private Fingerprints() {
    }

    public static List<String> of(NewThreat report, String assetId) {
        List<String> fingerprints = new ArrayList<>(2);
        if (report.sourceRef() != null && !report.sourceRef().isBlank()) {
            String source = report.source() == null ? "" : Text.strip(report.source()).toLowerCase(Locale.ROOT);
            fingerprints.add(cut("ref:" + source + "|" + Text.strip(report.sourceRef())));
        }
        if (assetId != null) {
            fingerprints.add(cut("obs:" + assetId + "|" + report.type() + "|" + observed(report)));
        }
        return fingerprints;
    }

    private static String observed(NewThreat report) {
        if (report.cve() != null) {
            return report.cve().toUpperCase(Locale.ROOT);
        }
        if (report.port() != null) {
            return "port:" + report.port();
        }
        // without a CVE or port an OTHER threat is told apart by what it is called
        return report.type() == ThreatType.OTHER ? "title:" + Text.strip(report.title()).toLowerCase(Locale.ROOT) : "-";
    }

    private static String cut(String fingerprint) {
        return fingerprint.length() <= MAX_LENGTH ? fingerprint : fingerprint.substring(0, MAX_LENGTH);
    }
}
