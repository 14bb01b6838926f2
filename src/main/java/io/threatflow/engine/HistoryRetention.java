package io.threatflow.engine;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * How long a finished case's history is kept: {@code threatflow.history.time-to-live} days (default 180),
 * applied on every start to every version of every process and decision deployed to the engine (the threat
 * processes, their decisions and whatever a modeler adds), so an operator changes it in one place instead of
 * in each model. Camunda's history cleanup removes what has expired, in
 * the batch window configured in application.yaml.
 */
@Component
class HistoryRetention implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final int days;

    HistoryRetention(RepositoryService repository, @Value("${threatflow.history.time-to-live:180}") int days) {
        this.repository = repository;
        this.days = days;
    }

    @Override
    public void run(ApplicationArguments args) {
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live set to {} days on {} process and decision definitions", days, changed);
        }
    }
}
