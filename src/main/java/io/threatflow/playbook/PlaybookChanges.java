package io.threatflow.playbook;

import io.threatflow.engine.AsEngine;
import io.threatflow.remediation.RemediationProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door of playbook changes: a proposal is checked (known files, the deployment policy, not the review
 * itself, every reference resolved in the complete bundle), stored and reviewed by process {@code playbook-change};
 * an approved change is laid over the playbook that is current then and deployed as one deployment. With
 * {@code threatflow.playbooks.review-required=false} a checked change deploys at once.
 */
@Service
public class PlaybookChanges {

    private static final Logger log = LoggerFactory.getLogger(PlaybookChanges.class);

    /** The name and source of every playbook deployment made here (the start-up one is the starter's). */
    static final String DEPLOYMENT_NAME = "threatflow-playbook";
    static final String DEPLOYMENT_SOURCE = "playbook-change";
    /** The review and its form belong to ThreatFlow: never part of a change, never carried along. */
    static final Set<String> SYSTEM_RESOURCES = Set.of("playbook-change.bpmn", "review-playbook-change.form");
    private static final int LONGEST_TEXT = 4000;

    /** The current playbook: its deployment and its resources. */
    record Current(String deploymentId, PlaybookBundle bundle) {
    }

    /** What a proposal became: pending review, deployed at once, or nothing to do since nothing changed. */
    record Outcome(PlaybookChange change, DeploymentWithDefinitions deployment, boolean unchanged) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final AsEngine asEngine;
    private final PlaybookChangeStore store;
    private final ObjectProvider<DeploymentPolicy> policies;
    private final PlaybookProperties properties;
    private final Clock clock;

    PlaybookChanges(RepositoryService repository, RuntimeService runtime, AsEngine asEngine, PlaybookChangeStore store,
                    ObjectProvider<DeploymentPolicy> policies, PlaybookProperties properties, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.asEngine = asEngine;
        this.store = store;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks and records a change that {@code author} proposes; starts its review, or deploys it at once when no
     * review is required. Refuses with an {@link InvalidPlaybookException} naming every problem.
     */
    @Transactional
    public Outcome propose(String author, Map<String, byte[]> files, String comment) {
        if (files.isEmpty()) {
            throw new InvalidPlaybookException("(files)", "no BPMN, DMN or form file was submitted");
        }
        PlaybookBundle submitted = PlaybookBundle.read(files);
        List<InvalidPlaybookException.Error> errors = new ArrayList<>();
        List<PolicyViolation> violations = new ArrayList<>();
        for (PlaybookResource file : submitted.resources()) {
            if (SYSTEM_RESOURCES.contains(file.name())
                    || file.defines().contains(new PlaybookResource.Definition(PlaybookResource.Target.PROCESS, PlaybookChangeProcess.KEY))
                    || file.defines().contains(new PlaybookResource.Definition(PlaybookResource.Target.FORM, PlaybookChangeProcess.REVIEW_FORM))) {
                errors.add(new InvalidPlaybookException.Error(file.name(),
                        "is ThreatFlow's own review of playbook changes, which a change may not replace"));
            }
            errors.addAll(parsedByEngine(file));
            policies.orderedStream().forEach(policy -> violations.addAll(policy.violations(file.name(), file.content())));
        }
        if (!violations.isEmpty()) {
            // answered as the engine answers a deployment the policy refuses: one problem, every violation
            throw new DeploymentRefusedException(violations);
        }
        Current current = current();
        PlaybookBundle.Overlay overlay = current.bundle().overlay(submitted);
        errors.addAll(overlay.bundle().unresolved());
        if (!errors.isEmpty()) {
            throw new InvalidPlaybookException(errors);
        }
        if (overlay.added().isEmpty() && overlay.changed().isEmpty()) {
            return new Outcome(null, null, true);
        }
        String summary = shortened(summary(current.bundle(), overlay));
        PlaybookChange change = new PlaybookChange(UUID.randomUUID().toString(), author, clock.instant(),
                current.deploymentId(), shortened(comment), PlaybookChange.Status.PENDING, summary, null, null, null, null);
        store.insert(change, files);
        if (!properties.reviewRequired()) {
            DeploymentWithDefinitions deployment = deploy(overlay.bundle());
            store.decide(change.id(), PlaybookChange.Status.DEPLOYED, null, clock.instant(),
                    "deployed without review (threatflow.playbooks.review-required=false)", deployment.getId());
            log.info("Playbook change {} of {} deployed without review as {}", change.id(), author, deployment.getId());
            return new Outcome(store.find(change.id()).orElseThrow(), deployment, false);
        }
        asEngine.run(() -> runtime.startProcessInstanceByKey(PlaybookChangeProcess.KEY, change.id(), Variables.createVariables()
                .putValue(PlaybookChangeProcess.CHANGE_ID.name(), change.id())
                .putValue(PlaybookChangeProcess.PROPOSED_BY.name(), author)
                .putValue(PlaybookChangeProcess.CHANGE_SUMMARY.name(), summary)));
        log.info("Playbook change {} of {} awaits review: {}", change.id(), author, String.join(", ", files.keySet()));
        return new Outcome(change, null, false);
    }

    /**
     * Deploys an approved change: its files over the playbook that is current now (another change may have gone
     * live since it was proposed), as one complete deployment. Runs in the reviewer's completion.
     */
    @Transactional
    public String deployApproved(String changeId, String reviewer, String comment) {
        PlaybookBundle submitted = PlaybookBundle.read(store.files(changeId));
        PlaybookBundle.Overlay overlay = current().bundle().overlay(submitted);
        List<InvalidPlaybookException.Error> unresolved = overlay.bundle().unresolved();
        if (!unresolved.isEmpty()) {
            throw new BadUserRequestException("The change no longer fits the playbook that is live now: "
                    + new InvalidPlaybookException(unresolved).getMessage() + ". Refuse it and propose it again.");
        }
        String deploymentId = deploy(overlay.bundle()).getId();
        store.decide(changeId, PlaybookChange.Status.DEPLOYED, reviewer, clock.instant(), shortened(comment), deploymentId);
        log.info("Playbook change {} approved by {}, deployed as {}", changeId, reviewer, deploymentId);
        return deploymentId;
    }

    /** Records a refusal and why; the author reads it at {@code GET /api/playbooks/changes/{id}}. */
    @Transactional
    public void refuse(String changeId, String reviewer, String reason) {
        store.decide(changeId, PlaybookChange.Status.REFUSED, reviewer, clock.instant(), shortened(reason), null);
        log.info("Playbook change {} refused by {}", changeId, reviewer);
    }

    /** The resources of a deployment by file name, system resources left out: what a rollback proposes again. */
    Map<String, byte[]> resourcesOf(String deploymentId) {
        return asEngine.call(() -> {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
                String name = PlaybookResource.fileName(resource);
                if (!SYSTEM_RESOURCES.contains(name) && PlaybookResource.Kind.of(name) != null) {
                    files.put(name, bytes(repository.getResourceAsStream(deploymentId, resource)));
                }
            }
            return files;
        });
    }

    /** The playbook new cases start on: the deployment of the latest threat-remediation. */
    Current current() {
        ProcessDefinition latest = asEngine.call(() -> repository.createProcessDefinitionQuery()
                .processDefinitionKey(RemediationProcess.KEY).withoutTenantId().latestVersion().singleResult());
        Map<String, byte[]> files = resourcesOf(latest.getDeploymentId());
        List<PlaybookResource> resources = new ArrayList<>();
        files.forEach((name, content) -> resources.add(PlaybookResource.read(name, content)));
        return new Current(latest.getDeploymentId(), PlaybookBundle.of(resources));
    }

    private DeploymentWithDefinitions deploy(PlaybookBundle bundle) {
        return asEngine.call(() -> {
            DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_SOURCE);
            bundle.resources().forEach(r -> deployment.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
            return deployment.deployWithResult();
        });
    }

    /** What the engine's own model reader says of a BPMN or DMN file (schema errors), before a reviewer looks. */
    private static List<InvalidPlaybookException.Error> parsedByEngine(PlaybookResource file) {
        try {
            switch (file.kind()) {
                case BPMN -> Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
                case DMN -> Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
                default -> { }
            }
            return List.of();
        } catch (ModelException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            return List.of(new InvalidPlaybookException.Error(file.name(), "is not valid " + file.kind() + ": " + cause));
        }
    }

    static String summary(PlaybookBundle before, PlaybookBundle.Overlay overlay) {
        List<String> lines = new ArrayList<>();
        overlay.added().forEach(name -> lines.add("Added: " + name));
        for (String name : overlay.changed()) {
            String previous = overlay.replaced().get(name);
            lines.add("Changed: " + name + (previous.equals(name) ? "" : " (replaces " + previous + ")"));
            PlaybookResource now = overlay.bundle().get(name);
            if (now.kind() == PlaybookResource.Kind.DMN) {
                DmnRuleDiff.describe(name, before.get(previous).content(), now.content())
                        .forEach(line -> lines.add("  " + line));
            }
        }
        lines.add("Unchanged: " + overlay.unchanged().size() + " resources (" + String.join(", ", overlay.unchanged()) + ")");
        return String.join("\n", lines);
    }

    private static String shortened(String text) {
        return text == null || text.length() <= LONGEST_TEXT ? text : text.substring(0, LONGEST_TEXT - 1) + "…";
    }

    static byte[] bytes(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
