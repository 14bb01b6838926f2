package io.threatflow.threat;

import java.util.Locale;
import java.util.Map;

/**
 * The few MITRE ATT&CK (Enterprise) techniques and tactics ThreatFlow's decision tables use, in words. Not the
 * whole catalogue: an unknown technique keeps its id and the name its report gave. A technique that serves several
 * tactics is listed under the one the response table acts on.
 */
public final class AttackCatalogue {

    private record Entry(String name, String tacticId) {
    }

    private static final Map<String, String> TACTICS = Map.ofEntries(
            Map.entry("TA0043", "Reconnaissance"), Map.entry("TA0042", "Resource Development"),
            Map.entry("TA0001", "Initial Access"), Map.entry("TA0002", "Execution"),
            Map.entry("TA0003", "Persistence"), Map.entry("TA0004", "Privilege Escalation"),
            Map.entry("TA0005", "Defense Evasion"), Map.entry("TA0006", "Credential Access"),
            Map.entry("TA0007", "Discovery"), Map.entry("TA0008", "Lateral Movement"),
            Map.entry("TA0009", "Collection"), Map.entry("TA0011", "Command and Control"),
            Map.entry("TA0010", "Exfiltration"), Map.entry("TA0040", "Impact"));

    private static final Map<String, Entry> TECHNIQUES = Map.ofEntries(
            Map.entry("T1486", new Entry("Data Encrypted for Impact", "TA0040")),
            Map.entry("T1485", new Entry("Data Destruction", "TA0040")),
            Map.entry("T1490", new Entry("Inhibit System Recovery", "TA0040")),
            Map.entry("T1489", new Entry("Service Stop", "TA0040")),
            Map.entry("T1078", new Entry("Valid Accounts", "TA0001")),
            Map.entry("T1110", new Entry("Brute Force", "TA0006")),
            Map.entry("T1003", new Entry("OS Credential Dumping", "TA0006")),
            Map.entry("T1555", new Entry("Credentials from Password Stores", "TA0006")),
            Map.entry("T1190", new Entry("Exploit Public-Facing Application", "TA0001")),
            Map.entry("T1133", new Entry("External Remote Services", "TA0001")),
            Map.entry("T1566", new Entry("Phishing", "TA0001")),
            Map.entry("T1059", new Entry("Command and Scripting Interpreter", "TA0002")),
            Map.entry("T1021", new Entry("Remote Services", "TA0008")),
            Map.entry("T1021.001", new Entry("Remote Services: Remote Desktop Protocol", "TA0008")),
            Map.entry("T1041", new Entry("Exfiltration Over C2 Channel", "TA0010")),
            Map.entry("T1048", new Entry("Exfiltration Over Alternative Protocol", "TA0010")),
            Map.entry("T1567", new Entry("Exfiltration Over Web Service", "TA0010")));

    private AttackCatalogue() {
    }

    /**
     * The technique in words: the report's own names win, the table fills what the report left out (a
     * sub-technique falls back to its parent's tactic).
     */
    public static AttackTechnique describe(String techniqueId, String reportedName, String reportedTacticId,
                                           String reportedTacticName) {
        String id = techniqueId.strip().toUpperCase(Locale.ROOT);
        Entry known = TECHNIQUES.getOrDefault(id, TECHNIQUES.get(id.split("\\.")[0]));
        String name = reportedName != null ? reportedName
                : TECHNIQUES.containsKey(id) ? TECHNIQUES.get(id).name() : null;
        String tacticId = AttackTechnique.isTacticId(reportedTacticId)
                ? reportedTacticId.strip().toUpperCase(Locale.ROOT) : known == null ? null : known.tacticId();
        if (tacticId == null) {
            return new AttackTechnique(id, name, null, null);
        }
        String tacticName = reportedTacticName != null && tacticId.equalsIgnoreCase(reportedTacticId)
                ? reportedTacticName : TACTICS.get(tacticId);
        return new AttackTechnique(id, name, tacticId, tacticName);
    }

    /** A technique named by id only, as {@code POST /api/threats} does. */
    public static AttackTechnique describe(String techniqueId) {
        return describe(techniqueId, null, null, null);
    }
}
