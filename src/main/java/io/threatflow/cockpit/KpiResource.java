package io.threatflow.cockpit;

import io.threatflow.kpi.KpiReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * {@code GET .../kpis?days=30}: the KPI report ({@code kpi.KpiService}, JSON as {@code /api/metrics}) of the
 * last {@code days} days up to now, for whom {@code kpi.KpiReaders} allows.
 */
public class KpiResource extends AbstractCockpitPluginResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final SpringBeans beans;
    private final PluginAnswers answers;

    KpiResource(String engineName, SpringBeans beans) {
        super(engineName);
        this.beans = beans;
        this.answers = new PluginAnswers(beans.json());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PluginAnswers.PROBLEM_JSON})
    public Response report(@QueryParam("days") String days) {
        if (!beans.user().isAuthenticated()) {
            return answers.unauthenticated();
        }
        if (!beans.kpiReaders().mayRead()) {
            return answers.notAllowed(beans.kpiReaders().refusal());
        }
        int window;
        try {
            window = days == null || days.isBlank() ? DEFAULT_DAYS : Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            return answers.fieldProblem("days", "must be a whole number of days from 1 to " + MAX_DAYS);
        }
        if (window < 1 || window > MAX_DAYS) {
            return answers.fieldProblem("days", "must be a whole number of days from 1 to " + MAX_DAYS);
        }
        // whole seconds: the window the page shows is the window the report was made for
        Instant to = beans.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        KpiReport report = beans.kpis().report(to.minus(Duration.ofDays(window)), to);
        return answers.ok(report);
    }
}
