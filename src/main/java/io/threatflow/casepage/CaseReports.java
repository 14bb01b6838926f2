package io.threatflow.casepage;

import io.threatflow.access.CurrentUser;
import io.threatflow.access.Groups;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.casefile.ThreatSearch;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.ThreatPage;
import io.threatflow.threat.ThreatService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one way to a case file and its report, for the API and the pages alike: the register's access rule first
 * (analysts, managers and administrators), then the file.
 */
@Component
class CaseReports {

    /** What a refusal names: the register, as {@code GET /api/threats} does. */
    static final String WHAT = "The threat register";

    /** Threats on one page of the list. */
    static final int PAGE_SIZE = 25;

    private final CaseFiles files;
    private final CurrentUser user;
    private final ThreatSearch search;
    private final ThreatService threats;
    private final RemediationCases cases;
    private final ObjectMapper json;
    private final Clock clock;

    CaseReports(CaseFiles files, CurrentUser user, ThreatSearch search, ThreatService threats, RemediationCases cases,
                ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.files = files;
        this.user = user;
        this.search = search;
        this.threats = threats;
        this.cases = cases;
        this.json = json;
    }

    boolean isAuthenticated() {
        return user.isAuthenticated();
    }

    /** One page of the register, filtered as the API filters it. */
    ThreatPage list(ThreatSearch.Criteria criteria, int page) {
        requireReader();
        return threats.search(search.filter(criteria), page, PAGE_SIZE);
    }

    /** The threat of a task the user may see, if it belongs to a threat case. */
    Optional<String> threatOfTask(String taskId) {
        requireReader();
        return cases.threatOfTask(taskId);
    }

    /** A task the user may see with its threat, if it belongs to a threat case. */
    Optional<RemediationCases.ThreatTask> taskOfThreat(String taskId) {
        requireReader();
        return cases.taskOfThreat(taskId);
    }

    /** The threat itself, for whoever may read the register. */
    io.threatflow.threat.Threat threat(String threatId) {
        requireReader();
        return threats.get(threatId);
    }

    /** Now, by the engine's clock: what "overdue" is measured against, as the SLA timers are. */
    Instant now() {
        return clock.instant();
    }

    /** Whether Tasklist's "Create task" would work for the user (the engine's CREATE on TASK). */
    boolean mayCreateTasks() {
        return user.mayCreateTasks();
    }

    /** The threat a process instance handles, if the user may read the instance (the engine decides). */
    Optional<String> threatOfInstance(String processInstanceId) {
        requireReader();
        return cases.find(processInstanceId).filter(cases::isReadable).map(RemediationCases.CaseRef::threatId);
    }

    ObjectMapper json() {
        return json;
    }

    /** Refuses (403) whoever may not read the register. */
    void requireReader() {
        user.requireAnyOf(Groups.CASE_READERS, WHAT);
    }

    boolean mayUseCockpit() {
        return user.isInAnyOf(java.util.List.of(Groups.MANAGERS, Groups.ADMINS));
    }

    CaseFile file(String threatId) {
        requireReader();
        return files.of(threatId);
    }

    byte[] report(String threatId, ReportFormat format) {
        CaseFile file = file(threatId);
        return switch (format) {
            case HTML -> CaseHtml.report(file).getBytes(StandardCharsets.UTF_8);
            case MARKDOWN -> CaseMarkdown.report(file).getBytes(StandardCharsets.UTF_8);
            case PDF -> CasePdf.render(CaseHtml.report(file));
        };
    }

    /** The file name a download suggests: the threat's id, which is safe in any header. */
    static String fileName(String threatId, ReportFormat format) {
        return "threat-" + threatId.replaceAll("[^A-Za-z0-9-]", "") + "-report." + format.extension();
    }
}
