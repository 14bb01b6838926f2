package io.threatflow.casepage;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/tasklist/plugin/casefile/{engine}/...}, behind Camunda's webapp security filter: only a
 * request with a webapp session of that engine gets here, the engine knows the session's user, and Camunda's CSRF
 * filter guards it like the rest of the webapps' API.
 */
@Path("plugin/" + CaseFilePlugin.ID)
public class CaseFileRootResource extends AbstractTasklistPluginRootResource {

    public CaseFileRootResource() {
        super(CaseFilePlugin.ID);
    }

    @Path("{engine}")
    public CasePagesResource pages(@PathParam("engine") String engine) {
        // Jersey creates the resources itself: the Spring beans come from the application's context
        CaseReports reports = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(CaseReports.class);
        return subResource(new CasePagesResource(engine, reports), engine);
    }
}
