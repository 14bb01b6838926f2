package io.threatflow.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Work that the application does on its own authority, whoever's request or job it runs in: the engine checks
 * no authorization inside. Used where the rules are ThreatFlow's, not the caller's (a reporter adds a sighting
 * to any open case; a 404 must be told from a 403; a metric counts every case). Inside a running command (a
 * listener or delegate) it joins that command; outside, it runs one, in the caller's transaction if any.
 */
@Component
public class AsEngine {

    private final ProcessEngineConfigurationImpl engine;

    public AsEngine(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    public <T> T call(Supplier<T> work) {
        CommandContext running = Context.getCommandContext();
        if (running != null) {
            return running.runWithoutAuthorization(work::get);
        }
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
