package io.threatflow.casepage;

import io.threatflow.action.ActionRecord;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.inventory.Asset;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaBreached;
import io.threatflow.threat.Sighting;
import io.threatflow.threat.Threat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one threat that its case page and its post-incident report show, read at {@code readAt}.
 *
 * @param reporter       who reported it: the user who started its case, else the source
 * @param severityWhy    why it has its severity, one reason a line
 * @param decisions      what people decided in its cases, each with who and their comment
 * @param evidence       what evidence collection found, if it ran
 * @param lessonsLearned what the closing analyst wrote, if the case was closed with it
 * @param related        other threats on the same asset, newest first
 * @param openTasks      the user tasks that wait for someone now
 * @param cases          the process instances of its cases (remediation first), for Cockpit
 */
record CaseFile(Threat threat, Optional<Asset> asset, String reporter, List<String> severityWhy,
                Optional<DueTimes> due, List<SlaBreached> breaches, List<ThreatTimeline.Entry> timeline,
                List<ActionRecord> actions, List<Decision> decisions, String evidence, String validationEvidence,
                String lessonsLearned, List<Sighting> sightings, List<Threat> related,
                List<RemediationCases.OpenTask> openTasks, List<String> cases, Instant readAt) {

    /**
     * A decision a person took in the case.
     *
     * @param task    the BPMN element of the task it was taken in, to place it in the timeline (never shown)
     * @param what    what was decided, e.g. "Triage"
     * @param answer  the answer in words
     * @param comment their own words, if any
     */
    record Decision(String task, String what, String by, Instant at, String answer, String comment) {
    }
}
