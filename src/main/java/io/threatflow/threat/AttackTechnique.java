package io.threatflow.threat;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MITRE ATT&CK technique a report names, with its tactic. Names are words for people; ids are what the
 * decision tables match ({@code T1486}, {@code TA0040}).
 *
 * @param techniqueName null when neither the report nor {@link AttackCatalogue} knows it
 * @param tacticId      null when neither the report nor {@link AttackCatalogue} knows it
 */
public record AttackTechnique(String techniqueId, String techniqueName, String tacticId, String tacticName) {

    /** A technique id as MITRE assigns them: T1486, or a sub-technique T1021.001. */
    public static final String ID_FORMAT = "T\\d{4}(\\.\\d{3})?";
    public static final int MAX_PER_THREAT = 20;
    public static final int MAX_NAME = 200;
    public static final int MAX_TACTIC_NAME = 100;
    private static final Pattern ID = Pattern.compile(ID_FORMAT);
    private static final Pattern TACTIC_ID = Pattern.compile("TA\\d{4}");

    public static boolean isTechniqueId(String id) {
        return id != null && ID.matcher(id.strip().toUpperCase(Locale.ROOT)).matches();
    }

    public static boolean isTacticId(String id) {
        return id != null && TACTIC_ID.matcher(id.strip().toUpperCase(Locale.ROOT)).matches();
    }

    /** In words: "T1486 Data Encrypted for Impact (Impact, TA0040)". */
    public String describe() {
        String tactic = tacticId == null ? ""
                : " (" + (tacticName == null ? tacticId : tacticName + ", " + tacticId) + ")";
        return techniqueId + (techniqueName == null ? "" : " " + techniqueName) + tactic;
    }
}
