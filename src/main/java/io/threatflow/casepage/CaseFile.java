package io.threatflow.casepage;

import io.threatflow.action.ActionRecord;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.inventory.Asset;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.sla.DueTimes;
import io.threatflow.sla.SlaBreached;
import io.threatflow.threat.Sighting;
import io.threatflow.threat.Threat;
import io.threatflow.sla.Sla;
import io.threatflow.threat.Phase;
import io.threatflow.threat.SlaStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * A service level of the case: when it was due, when its moment came (null while it has not), and whether it
     * was breached (a recorded breach, or the moment came late or has not come by its due time).
     */
    record SlaRow(Sla sla, Instant due, Instant reached, boolean breached, String standing) {
    }

    /** The service levels the case is held to, in the order of the case; empty before the policy set them. */
    List<SlaRow> slaRows() {
        if (due().isEmpty()) {
            return List.of();
        }
        DueTimes times = due().get();
        Map<Phase, Instant> at = threat().phases();
        Instant closed = at.get(Phase.CLOSED);
        List<SlaRow> rows = new ArrayList<>();
        rows.add(slaRow(Sla.TRIAGE, times.triageDue(), first(at.get(Phase.TRIAGED), closed)));
        if (times.containDue() != null) {
            rows.add(slaRow(Sla.CONTAINMENT, times.containDue(), first(at.get(Phase.CONTAINED),
                    first(at.get(Phase.ERADICATED), closed))));
        }
        rows.add(slaRow(Sla.RESOLUTION, times.resolveDue(), closed));
        return rows;
    }

    /** How long the case has been open, or took until it was closed. */
    String elapsed() {
        Instant end = threat().phases().getOrDefault(Phase.CLOSED, readAt());
        return (threat().status().isClosed() ? "Closed after " : "Open for ")
                + Words.duration(Duration.between(threat().reportedAt(), end)) + ".";
    }

    private SlaRow slaRow(Sla sla, Instant due, Instant reached) {
        boolean recorded = breaches().stream().map(SlaBreached::sla).anyMatch(sla::equals);
        boolean late = recorded || (reached == null ? readAt().isAfter(due) : reached.isAfter(due));
        String standing = late ? SlaStanding.BREACHED.label()
                : reached == null ? SlaStanding.ON_TRACK.label() + ", " + Words.duration(Duration.between(readAt(), due))
                + " left"
                : SlaStanding.MET.label();
        return new SlaRow(sla, due, reached, late, standing);
    }

    private static Instant first(Instant preferred, Instant fallback) {
        return preferred != null ? preferred : fallback;
    }

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
