package io.threatflow.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.engine.Actors;
import io.threatflow.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every deployment through the engine's REST API becomes a playbook change: {@code POST /engine-rest/deployment/create}
 * (what Camunda Modeler's deploy button sends) and {@code POST /engine-rest/deployment/{id}/redeploy} (a rollback:
 * the old version's resources proposed again), also under {@code /engine-rest/engine/{name}/}. Nothing reaches the
 * engine's own deployment resource. The webapps' copy of the engine API ({@code /camunda/api/engine/...}) is refused:
 * changes come through the review. Answers in the engine REST API's shape, which Modeler reads (docs/playbooks.md).
 */
class PlaybookDeploymentFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PlaybookDeploymentFilter.class);

    private static final Pattern ENGINE_REST = Pattern.compile(
            "^/engine-rest(?:/engine/[^/]+)?/deployment/(?:create|([^/]+)/redeploy)/*$");
    private static final Pattern WEBAPP_ENGINE_API = Pattern.compile("^/camunda/api/engine/.*/deployment/.*$");
    /** The form fields of Camunda's deployment/create; every other part is a file. */
    private static final Set<String> FIELDS = Set.of("deployment-name", "deployment-activation-time",
            "enable-duplicate-filtering", "deploy-changed-only", "deployment-source", "tenant-id");
    static final String TITLE = "Playbook change refused";

    private final PlaybookChanges changes;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ObjectMapper json;

    PlaybookDeploymentFilter(PlaybookChanges changes, IdentityService identity, AuthorizationService authorizations,
                             ObjectMapper json) {
        this.changes = changes;
        this.identity = identity;
        this.authorizations = authorizations;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equalsIgnoreCase(request.getMethod())
                || !(ENGINE_REST.matcher(path).matches() || WEBAPP_ENGINE_API.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher engineRest = ENGINE_REST.matcher(path);
        if (!engineRest.matches()) {
            answer(response, Problems.notAllowed("Deployments from the webapps are not reviewed: propose a playbook "
                    + "change through /engine-rest/deployment/create (Camunda Modeler's deploy button)"));
            return;
        }
        Optional<Actors.Actor> user = Actors.authenticated(identity);
        if (user.isEmpty() || !authorizations.isUserAuthorized(user.get().userId(), user.get().groupIds(),
                Permissions.CREATE, Resources.DEPLOYMENT)) {
            answer(response, Problems.notAllowed("Changing a playbook is for modelers and administrators (CREATE on "
                    + "DEPLOYMENT); " + user.map(Actors.Actor::userId).orElse("an anonymous user") + " may not"));
            return;
        }
        try {
            Proposal proposal = engineRest.group(1) == null ? created(request) : redeployed(request, engineRest.group(1));
            PlaybookChanges.Outcome outcome = changes.propose(user.get().userId(), proposal.files(), proposal.comment());
            answer(request, response, outcome);
        } catch (InvalidPlaybookException e) {
            log.debug("Refused a playbook change of {}: {}", user.get().userId(), e.getMessage());
            answer(response, Problems.withErrors(HttpStatus.BAD_REQUEST, TITLE, e.getMessage(), e.errors().stream()
                    .map(error -> new Problems.FieldError(error.resource(), error.message())).toList()));
        } catch (DeploymentRefusedException e) {
            log.debug("Refused a playbook change of {} by the deployment policy: {}", user.get().userId(), e.getMessage());
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.problemTitle(), e.getMessage());
            problem.setProperty(e.detailsName(), e.details());
            answer(response, problem);
        }
    }

    private record Proposal(Map<String, byte[]> files, String comment) {
    }

    /** The files of a deployment/create, as Camunda reads them: each part that is not a field, by its file name. */
    private Proposal created(HttpServletRequest request) throws IOException {
        if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new InvalidPlaybookException("Content-Type", "must be multipart/form-data with the files to deploy");
        }
        MultipartFormData form;
        try {
            MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
            headers.putSingle("content-type", request.getContentType());
            form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null,
                    MediaType.valueOf(request.getContentType()), headers, request.getInputStream());
        } catch (RuntimeException e) {
            throw new InvalidPlaybookException("(body)", "is not a readable multipart/form-data body");
        }
        MultipartFormData.FormPart tenant = form.getNamedPart("tenant-id");
        if (tenant != null && tenant.getTextContent() != null && !tenant.getTextContent().isBlank()) {
            throw new InvalidPlaybookException("tenant-id", "ThreatFlow's playbook has no tenants; leave it empty");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String part : form.getPartNames()) {
            if (!FIELDS.contains(part)) {
                MultipartFormData.FormPart file = form.getNamedPart(part);
                String name = file.getFileName() != null ? file.getFileName() : part;
                files.put(name, file.getBinaryContent() != null ? file.getBinaryContent()
                        : String.valueOf(file.getTextContent()).getBytes(StandardCharsets.UTF_8));
            }
        }
        MultipartFormData.FormPart name = form.getNamedPart("deployment-name");
        return new Proposal(files, name == null ? null : "deployment-name: " + name.getTextContent());
    }

    /** A rollback: the resources of an earlier deployment (all, or those the body names) proposed again. */
    private Proposal redeployed(HttpServletRequest request, String deploymentId) throws IOException {
        Map<String, byte[]> resources;
        try {
            resources = changes.resourcesOf(deploymentId);
        } catch (RuntimeException e) {
            throw new InvalidPlaybookException("id", "no deployment '" + deploymentId + "'");
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length > 0) {
            Map<?, ?> wanted;
            try {
                wanted = json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new InvalidPlaybookException("(body)", "is not JSON");
            }
            if (wanted.get("resourceNames") instanceof List<?> names && !names.isEmpty()) {
                resources.keySet().retainAll(names);
            }
        }
        return new Proposal(resources, "rollback to deployment " + deploymentId);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, PlaybookChanges.Outcome outcome)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome.unchanged()) {
            PlaybookChanges.Current current = changes.current();
            body.put("id", current.deploymentId());
            body.put("name", PlaybookChanges.DEPLOYMENT_NAME);
            body.put("message", "Nothing changed: the playbook already holds these files");
            write(response, HttpStatus.OK, body);
            return;
        }
        PlaybookChange change = outcome.change();
        String link = request.getContextPath() + "/api/playbooks/changes/" + change.id();
        if (outcome.deployment() != null) {
            DeploymentWithDefinitions deployment = outcome.deployment();
            body.put("id", deployment.getId());
            body.put("name", deployment.getName());
            body.put("source", deployment.getSource());
            body.put("deploymentTime", deployment.getDeploymentTime().toInstant().toString());
            Map<String, Object> processes = new LinkedHashMap<>();
            deployment.getDeployedProcessDefinitions().forEach(d -> processes.put(d.getId(), Map.of("id", d.getId(),
                    "key", d.getKey(), "version", d.getVersion(), "deploymentId", d.getDeploymentId())));
            body.put("deployedProcessDefinitions", processes);
            body.put("changeId", change.id());
            body.put("message", "Deployed without review as a new playbook version");
            write(response, HttpStatus.OK, body);
            return;
        }
        body.put("id", change.id());
        body.put("name", PlaybookChanges.DEPLOYMENT_NAME);
        body.put("source", PlaybookChanges.DEPLOYMENT_SOURCE);
        body.put("status", change.status().name());
        body.put("message", "Submitted for review: the change goes live when a manager or another modeler approves "
                + "it in Tasklist (Review playbook change). Follow it at " + link);
        body.put("summary", change.summary());
        body.put("links", List.of(Map.of("method", "GET", "href", link, "rel", "self")));
        response.setHeader("Location", link);
        write(response, HttpStatus.ACCEPTED, body);
    }

    /** A refusal as a problem that also carries Camunda's {@code message}, which Modeler writes to its log. */
    private void answer(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = Problems.asJson(problem);
        body.put("message", problem.getDetail());
        response.setStatus(problem.getStatus());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
