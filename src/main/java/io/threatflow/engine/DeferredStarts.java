package io.threatflow.engine;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work that the application accepted and that the job executor does after the commit, as the user who asked for it:
 * the intake registers a threat and leaves the start of its case here, so that its answer waits only for the
 * register's commit. Each start is a job of the engine in the caller's transaction: it exists exactly when the
 * acceptance committed, one node runs it (the job's lock), a failure is retried and, when its retries are spent,
 * shows as an incident in Cockpit, and a node that dies while running it leaves it to the next node (or to itself
 * after a restart) once the lock expires.
 */
@Component
public class DeferredStarts extends AbstractProcessEnginePlugin {

    static final String TYPE = "threatflow-deferred-start";

    /** Does the deferred work for one key; runs in the job's transaction, authenticated as the requesting user. */
    public interface Starter {
        void start(String key);
    }

    /** @param userId who asked: the work runs with their user id and groups, as if they did it at once */
    public record Request(String key, String userId) {
    }

    private final ObjectProvider<Starter> starter;
    private final JdbcClient jdbc;
    private ProcessEngineConfigurationImpl configuration;

    DeferredStarts(ObjectProvider<Starter> starter, DataSource dataSource) {
        this.starter = starter;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new StartHandler());
        configuration.setCustomJobHandlers(handlers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** Adds the starts to the caller's transaction (or its own, without one); the job executor runs them after. */
    public void schedule(List<Request> requests) {
        if (requests.isEmpty()) {
            return;
        }
        configuration.getCommandExecutorTxRequired().execute(context -> {
            for (Request request : requests) {
                MessageEntity message = new MessageEntity();
                message.setJobHandlerType(TYPE);
                message.setJobHandlerConfigurationRaw(new Config(request.key(), request.userId()).toCanonicalString());
                context.getJobManager().send(message);
            }
            return null;
        });
    }

    /** Starts accepted but not yet done, on every node (including those whose retries are spent). */
    public long pending() {
        return jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = :type")
                .param("type", TYPE).query(Long.class).single();
    }

    record Config(String key, String userId) implements JobHandlerConfiguration {

        static Config parse(String canonical) {
            int separator = canonical.indexOf('\n');
            return separator < 0 ? new Config(canonical, null)
                    : new Config(canonical.substring(separator + 1), canonical.substring(0, separator));
        }

        @Override
        public String toCanonicalString() {
            return userId == null ? key : userId + "\n" + key;
        }
    }

    private final class StartHandler implements JobHandler<Config> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(Config config, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
            IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();
            Authentication before = identity.getCurrentAuthentication();
            if (config.userId() != null) {
                List<String> groups = identity.createGroupQuery().groupMember(config.userId()).list().stream()
                        .map(Group::getId).toList();
                identity.setAuthentication(config.userId(), groups);
            }
            try {
                starter.getObject().start(config.key());
            } finally {
                if (before == null) {
                    identity.clearAuthentication();
                } else {
                    identity.setAuthentication(before);
                }
            }
        }

        @Override
        public Config newConfiguration(String canonicalString) {
            return Config.parse(canonicalString);
        }

        @Override
        public void onDelete(Config configuration, JobEntity jobEntity) {
            // nothing besides the job to clean up
        }
    }
}
