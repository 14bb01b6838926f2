package io.threatflow.connector.awx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threatflow.action.ActionKey;
import io.threatflow.action.ActionRejectedException;
import io.threatflow.action.ActionType;
import io.threatflow.action.Connector;
import io.threatflow.action.MalwareRemovalPort;
import io.threatflow.action.PatchingPort;
import io.threatflow.action.PortControlPort;
import io.threatflow.inventory.Asset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Patches, upgrades, closes or blocks ports and removes malware by launching the AWX job template configured
 * for the action, limited to the asset's host, and following the job to its end.
 *
 * <p>AWX has no idempotency key, so the connector deduplicates itself: every job carries the action key in its
 * {@code extra_vars} ({@code threatflow_action_key}), and a call first looks among the template's latest jobs for
 * one with its key. One that is queued, running or successful is followed instead of launching again (a retry
 * after a timeout, or after the engine's transaction rolled back); one that failed is launched anew.
 */
@Component
@ConditionalOnProperty(name = "threatflow.connectors.awx.url")
class AwxConnector implements Connector, PatchingPort, PortControlPort, MalwareRemovalPort {

    static final String ACTION_KEY_VAR = "threatflow_action_key";
    private static final Set<String> RUNNING = Set.of("new", "pending", "waiting", "running");
    private static final Set<String> ENDED_BADLY = Set.of("failed", "error", "canceled");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwxProperties settings;
    private final AwxApi awx;

    AwxConnector(AwxProperties settings) {
        this.settings = settings;
        this.awx = new AwxApi(settings);
    }

    @Override
    public String name() {
        return "awx";
    }

    @Override
    public String patchSoftware(ActionKey key, Asset asset, String finding) {
        return run(key, ActionType.PATCH_SOFTWARE, asset, null, finding);
    }

    @Override
    public String upgradeOs(ActionKey key, Asset asset) {
        return run(key, ActionType.UPGRADE_OS, asset, null, null);
    }

    @Override
    public String closePort(ActionKey key, Asset asset, Integer port) {
        return run(key, ActionType.CLOSE_PORT, asset, required(port, asset), null);
    }

    @Override
    public String blockPort(ActionKey key, Asset asset, Integer port) {
        return run(key, ActionType.BLOCK_PORT, asset, required(port, asset), null);
    }

    @Override
    public String unblockPort(ActionKey key, Asset asset, Integer port) {
        return run(key, ActionType.UNBLOCK_PORT, asset, required(port, asset), null);
    }

    @Override
    public String removeMalware(ActionKey key, Asset asset, String finding) {
        return run(key, ActionType.REMOVE_MALWARE, asset, null, finding);
    }

    /**
     * The launch with its exact body, and the look-ups before it, in words; token or password masked. A missing
     * template or port is refused as for real.
     */
    @Override
    public String describe(ActionKey key, Asset asset, Integer port, String finding) {
        int templateId = template(key.action());
        if (key.action().port() == PortControlPort.class) {
            required(port, asset);
        }
        boolean named = asset.hostname() != null && !asset.hostname().isBlank();
        String host = named ? asset.hostname() : asset.ipAddress();
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("limit", host);
        launch.put("extra_vars", extraVars(key, key.action(), host, port, finding));
        String api = settings.url().toString().replaceAll("/+$", "");
        try {
            return "AWX: unless a job of template " + templateId + " launched under this key is queued, running or "
                    + "successful, POST " + api + "/api/v2/job_templates/" + templateId + "/launch/ "
                    + JSON.writeValueAsString(launch) + " (the limit is the host as the template's inventory names it"
                    + (named && asset.ipAddress() != null ? ": " + asset.hostname() + " or " + asset.ipAddress() : "")
                    + "), then follow the job to its end; each with Authorization: "
                    + (settings.usesToken() ? "Bearer" : "Basic") + " *****";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AWX launch", e);
        }
    }

    private String run(ActionKey key, ActionType action, Asset asset, Integer port, String finding) {
        int templateId = template(action);
        Optional<JsonNode> earlier = earlierJob(templateId, key);
        if (earlier.isPresent()) {
            long jobId = earlier.get().path("id").asLong();
            return follow(jobId, templateId, earlier.get().path("limit").asText("the asset")) + " (launched by an earlier try)";
        }
        JsonNode template = awx.template(templateId);
        String host = hostIn(template, templateId, asset);
        long jobId = awx.launch(templateId, host, extraVars(key, action, host, port, finding));
        return follow(jobId, templateId, host);
    }

    private int template(ActionType action) {
        Integer templateId = settings.jobTemplates().get(action);
        if (templateId == null) {
            throw new ActionRejectedException("no AWX job template is configured for " + action
                    + " (threatflow.connectors.awx.job-templates." + action + ")");
        }
        return templateId;
    }

    /** The job an earlier call launched for this key and that has not failed, if AWX still lists it. */
    private Optional<JsonNode> earlierJob(int templateId, ActionKey key) {
        for (JsonNode job : awx.latestJobs(templateId, settings.jobLookback())) {
            String status = job.path("status").asText();
            if (ENDED_BADLY.contains(status)) {
                continue;
            }
            JsonNode full = job.has("extra_vars") ? job : awx.job(job.path("id").asLong());
            if (key.value().equals(variables(full).path(ACTION_KEY_VAR).asText(null))) {
                return Optional.of(full);
            }
        }
        return Optional.empty();
    }

    /**
     * The asset's name in the template's inventory: its hostname, else its IP address. A host the inventory
     * does not know, or has disabled (AWX would skip it and report success), is a refusal, as is a template
     * that would ignore the limit or the variables and so run on every host or without the action key.
     */
    private String hostIn(JsonNode template, int templateId, Asset asset) {
        if (!template.path("ask_limit_on_launch").asBoolean() || !template.path("ask_variables_on_launch").asBoolean()) {
            throw new ActionRejectedException("AWX job template " + templateId
                    + " must prompt on launch for the limit and the variables (ask_limit_on_launch, "
                    + "ask_variables_on_launch), or it would run beyond " + asset.hostname());
        }
        if (!template.path("inventory").canConvertToInt()) {
            throw new ActionRejectedException("AWX job template " + templateId + " has no inventory");
        }
        int inventory = template.path("inventory").asInt();
        for (String name : Stream.of(asset.hostname(), asset.ipAddress())
                .filter(n -> n != null && !n.isBlank()).distinct().toList()) {
            Optional<JsonNode> host = awx.host(inventory, name);
            if (host.isPresent()) {
                if (!host.get().path("enabled").asBoolean(true)) {
                    throw new ActionRejectedException("host " + name + " is disabled in AWX inventory " + inventory);
                }
                return name;
            }
        }
        throw new ActionRejectedException("AWX inventory " + inventory + " (job template " + templateId
                + ") knows no host " + asset.hostname() + (asset.ipAddress() == null ? "" : " or " + asset.ipAddress()));
    }

    /**
     * The variables the playbook receives. They carry a {@code threatflow_} prefix: extra vars override every
     * other variable in Ansible, and a bare {@code host} or {@code port} would silently replace a playbook's own.
     */
    static Map<String, Object> extraVars(ActionKey key, ActionType action, String host, Integer port, String finding) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(ACTION_KEY_VAR, key.value());
        vars.put("threatflow_threat_id", key.threatId());
        vars.put("threatflow_action", action.name());
        vars.put("threatflow_host", host);
        if (port != null) {
            vars.put("threatflow_port", port);
        }
        if (finding != null) {
            vars.put("threatflow_finding", finding);
            var cve = CVE.matcher(finding);
            if (cve.find()) {
                vars.put("threatflow_cve", cve.group().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return vars;
    }

    /** Polls the job until it ends or {@code max-wait} has passed. */
    private String follow(long jobId, int templateId, String host) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (true) {
            JsonNode job = awx.job(jobId);
            String status = job.path("status").asText();
            String which = "AWX job " + jobId + " (template " + templateId + " " + job.path("name").asText("") + ")";
            if ("successful".equals(status)) {
                return which + " successful on " + host;
            }
            if (ENDED_BADLY.contains(status)) {
                String explanation = job.path("job_explanation").asText("");
                throw new AwxFailureException(which + " on " + host + " ended " + status
                        + (explanation.isBlank() ? "" : ": " + explanation));
            }
            if (!RUNNING.contains(status)) {
                throw new AwxFailureException(which + " on " + host + " has an unknown status '" + status + "'");
            }
            if (System.nanoTime() >= deadline) {
                throw new AwxFailureException(which + " on " + host + " is still " + status + " after "
                        + settings.maxWait().toSeconds() + "s; the next try follows the same job");
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwxFailureException("interrupted while following an AWX job");
        }
    }

    /** AWX keeps {@code extra_vars} as a JSON text; one it cannot be read as JSON is not ours. */
    private static JsonNode variables(JsonNode job) {
        JsonNode vars = job.path("extra_vars");
        if (vars.isObject()) {
            return vars;
        }
        try {
            return JSON.readTree(vars.asText("{}"));
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static int required(Integer port, Asset asset) {
        if (port == null) {
            throw new ActionRejectedException("no port is known for the threat on " + asset.hostname());
        }
        return port;
    }
}
