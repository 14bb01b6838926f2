package io.threatflow.cockpit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.access.CurrentUser;
import io.threatflow.casefile.ThreatTimeline;
import io.threatflow.kpi.KpiReaders;
import io.threatflow.kpi.KpiService;
import io.threatflow.playbook.CaseMigrations;
import io.threatflow.playbook.MigrationAccess;
import io.threatflow.playbook.PlaybookVersions;
import io.threatflow.mitigation.RiskRegister;
import io.threatflow.remediation.RemediationCases;
import io.threatflow.threat.ThreatService;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The Spring beans the plugin's JAX-RS resources use. Cockpit's Jersey creates those resources itself, so
 * they cannot be injected: they look the beans up in the application's {@link WebApplicationContext}, which
 * Spring Boot registers on the servlet context that Cockpit's Jersey also runs in. That is the one place the
 * plugin reaches into Spring; no static holder, and a missing bean fails loudly at the first request.
 *
 * @param json Spring's own ObjectMapper, so that the plugin answers with exactly the JSON of {@code /api}
 *             (the KPI contract, ISO instants), not with Cockpit's Jackson configuration
 */
record SpringBeans(KpiService kpis, KpiReaders kpiReaders, ThreatTimeline timeline, ThreatService threats,
                   RemediationCases cases, CurrentUser user, ObjectMapper json, Clock clock,
                   CaseMigrations migrations, MigrationAccess migrationAccess, PlaybookVersions versions,
                   RiskRegister risks) {

    static SpringBeans of(ServletContext servletContext) {
        WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
        return new SpringBeans(spring.getBean(KpiService.class), spring.getBean(KpiReaders.class),
                spring.getBean(ThreatTimeline.class), spring.getBean(ThreatService.class),
                spring.getBean(RemediationCases.class), spring.getBean(CurrentUser.class),
                spring.getBean(ObjectMapper.class), spring.getBean(Clock.class), spring.getBean(CaseMigrations.class),
                spring.getBean(MigrationAccess.class), spring.getBean(PlaybookVersions.class),
                spring.getBean(RiskRegister.class));
    }
}
