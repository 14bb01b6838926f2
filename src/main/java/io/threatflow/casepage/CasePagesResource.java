package io.threatflow.casepage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.threatflow.casefile.ThreatSearch;
import io.threatflow.threat.Severity;
import io.threatflow.threat.SlaStanding;
import io.threatflow.threat.Threat;
import io.threatflow.threat.ThreatNotFoundException;
import io.threatflow.threat.ThreatStatus;
import io.threatflow.threat.ThreatType;
import io.threatflow.web.InvalidFieldException;
import io.threatflow.web.NotAllowedException;
import io.threatflow.web.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The Threats list, the case page and the report download, served as pages to the webapp session, and the
 * summary that Tasklist's "Case" tab shows. Pages answer a failure with a page that says it in words; the tab's
 * JSON with a problem.
 */
public class CasePagesResource extends AbstractTasklistPluginResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The last page of the list that may be asked for, as for the API. */
    static final int MAX_PAGE = 10_000;

    /** What the "Case" tab shows, and where it links. */
    record TaskCase(String threatId, String title, String severity, String status, boolean knownExploited,
                    String asset, String cve, String casePage, String reportPdf) {
    }

    /**
     * What a task card in Tasklist's list shows beside the task's name, in words: the severity, the KEV mark and
     * whether the task is past its due time (decided here, by the engine's clock).
     */
    record TaskCard(String threatId, String severity, String knownExploited, boolean overdue, String due) {
    }

    /** What Tasklist may offer the user: "Create task" only to whom the engine lets create tasks. */
    record Offers(boolean createTask) {
    }

    /** The threat a case started from Tasklist handles, for the start confirmation's link. */
    record StartedCase(String threatId, String title, String casePage) {
    }

    private final CaseReports reports;
    private final CaseHtml.Links links;

    CasePagesResource(String engine, CaseReports reports) {
        super(engine);
        this.reports = reports;
        this.links = CaseHtml.Links.of(engine);
    }

    @GET
    @Path("threats")
    @Produces(HTML)
    public Response list(@QueryParam("status") String status, @QueryParam("severity") String severity,
                         @QueryParam("type") String type, @QueryParam("asset") String asset,
                         @QueryParam("cve") String cve, @QueryParam("q") String q, @QueryParam("sla") String sla,
                         @QueryParam("assignee") String assignee, @QueryParam("page") String page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("status", status);
        query.put("severity", severity);
        query.put("type", type);
        query.put("asset", asset);
        query.put("cve", cve);
        query.put("sla", sla);
        query.put("assignee", assignee);
        query.values().removeIf(java.util.Objects::isNull);
        return page(() -> {
            ThreatSearch.Criteria criteria = new ThreatSearch.Criteria(
                    ThreatSearch.choice(ThreatStatus.class, "status", status),
                    ThreatSearch.choice(Severity.class, "severity", severity),
                    ThreatSearch.choice(ThreatType.class, "type", type), asset, null, cve, q,
                    ThreatSearch.choice(SlaStanding.class, "sla", sla), assignee);
            return CaseHtml.list(reports.list(criteria, pageNumber(page)), query, links);
        });
    }

    @GET
    @Path("threats/{threatId}")
    @Produces(HTML)
    public Response casePage(@PathParam("threatId") String threatId) {
        return page(() -> CaseHtml.page(reports.file(threatId), links, reports.mayUseCockpit()));
    }

    @GET
    @Path("threats/{threatId}/report")
    public Response report(@PathParam("threatId") String threatId, @QueryParam("format") String format) {
        return answer(() -> {
            ReportFormat chosen = format == null ? ReportFormat.PDF : ReportFormat.byParameter(format).orElseThrow(() ->
                    new InvalidFieldException(Problems.INVALID_REQUEST, "format", "must be html, markdown or pdf"));
            return Response.ok(reports.report(threatId, chosen), ReportController.withCharset(chosen).toString())
                    // the HTML report opens in the browser (to read, print or save); the others download
                    .header("Content-Disposition", (chosen == ReportFormat.HTML ? ContentDisposition.inline()
                            : ContentDisposition.attachment())
                            .filename(CaseReports.fileName(threatId, chosen)).build().toString())
                    .build();
        });
    }

    /** Cockpit's "Case page" button: the case page of the threat a process instance handles. */
    @GET
    @Path("process-instance/{processInstanceId}")
    @Produces(HTML)
    public Response caseOfInstance(@PathParam("processInstanceId") String processInstanceId) {
        return answer(() -> reports.threatOfInstance(processInstanceId)
                .map(threatId -> Response.seeOther(java.net.URI.create(links.casePage(threatId))).build())
                .orElseGet(() -> failure(404, "No such case",
                        "No threat case with process instance id '" + processInstanceId + "' that you may read.")));
    }

    @GET
    @Path("task/{taskId}")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public Response taskCase(@PathParam("taskId") String taskId) {
        return json(() -> reports.threatOfTask(taskId).map(threatId -> {
            Threat threat = reports.file(threatId).threat();
            return new TaskCase(threat.id(), threat.title(), Words.severity(threat.severity()),
                    Words.status(threat.status()), threat.knownExploited(), threat.assetName(), threat.cve(),
                    links.casePage(threat.id()), links.report(threat.id(), ReportFormat.PDF));
        }), "Not a threat case", "No task '" + taskId + "' of a threat case that you may see");
    }

    @GET
    @Path("task/{taskId}/card")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public Response taskCard(@PathParam("taskId") String taskId) {
        return json(() -> reports.taskOfThreat(taskId).map(found -> {
            Threat threat = reports.threat(found.threatId());
            Instant due = found.task().dueAt();
            return new TaskCard(threat.id(), "Severity: " + Words.severity(threat.severity()),
                    "Known exploited: " + (threat.knownExploited() ? "yes" : "no"),
                    due != null && due.isBefore(reports.now()), due == null ? null : Words.when(due));
        }), "Not a threat case", "No task '" + taskId + "' of a threat case that you may see");
    }

    @GET
    @Path("offers")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public Response offers() {
        return json(() -> Optional.of(new Offers(reports.mayCreateTasks())), "", "");
    }

    /** The threat of a case just started; 404 until its first step has registered the threat. */
    @GET
    @Path("process-instance/{processInstanceId}/threat")
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public Response startedCase(@PathParam("processInstanceId") String processInstanceId) {
        return json(() -> reports.threatOfInstance(processInstanceId).map(threatId -> new StartedCase(threatId,
                reports.threat(threatId).title(), links.casePage(threatId))), "No such case",
                "No threat case with process instance id '" + processInstanceId + "' that you may read, yet");
    }

    /** A JSON answer, 404 with {@code title} and {@code detail} when there is none, or the problem that refused it. */
    private Response json(Supplier<Optional<?>> work, String title, String detail) {
        try {
            if (!reports.isAuthenticated()) {
                return problem(Problems.of(HttpStatus.UNAUTHORIZED, "Authentication required", "Log in to Tasklist first"));
            }
            Optional<?> found = work.get();
            if (found.isEmpty()) {
                return problem(Problems.of(HttpStatus.NOT_FOUND, title, detail));
            }
            return Response.ok(reports.json().writeValueAsString(found.get()), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (NotAllowedException e) {
            return problem(Problems.notAllowed(e.getMessage()));
        } catch (ThreatNotFoundException e) {
            return problem(Problems.of(HttpStatus.NOT_FOUND, "Threat not found", e.getMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
    }

    private Response page(Supplier<String> render) {
        return answer(() -> Response.ok(render.get(), HTML).build());
    }

    /** The answer, or a page that says why not: 401, 403, 404 or 400 naming the field. */
    private Response answer(Supplier<Response> work) {
        try {
            if (!reports.isAuthenticated()) {
                return failure(401, "Log in first", "Log in to Tasklist, then open the Threats page again.");
            }
            return work.get();
        } catch (NotAllowedException e) {
            return failure(403, "Not allowed", e.getMessage() + ".");
        } catch (ThreatNotFoundException e) {
            return failure(404, "No such threat", e.getMessage());
        } catch (InvalidFieldException e) {
            return failure(400, "Check the filter", e.field() + ": " + e.getMessage());
        }
    }

    private Response failure(int status, String title, String detail) {
        return Response.status(status).type(HTML).entity(CaseHtml.problem(title, detail, links)).build();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int number = Integer.parseInt(page.trim());
            if (number >= 0 && number <= MAX_PAGE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidFieldException(Problems.INVALID_REQUEST, "page", "must be a whole number from 0 to " + MAX_PAGE);
    }

    private Response problem(ProblemDetail problem) {
        try {
            return Response.status(problem.getStatus()).type(PROBLEM_JSON)
                    .entity(reports.json().writeValueAsString(Problems.asJson(problem))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the problem as JSON", e);
        }
    }
}
