package io.threatflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How long a case's history is kept. The engine stamps each history row with its removal time when the row is
 * written (removal-time strategy {@code start}: the root case's start plus its definition's time to live), so
 * a case's end updates no history row. The definitions' time to live is therefore
 * {@code threatflow.history.longest-case} plus {@code threatflow.history.time-to-live} days
 * ({@link HistoryTimeToLive}): a case that ends within the first keeps its history at least the second after its
 * end. It is applied on every start to every version of every process and decision deployed to the engine, so an
 * operator changes it in one place.
 * <p>
 * A case that outlives {@code longest-case} (an accepted risk renewed year after year) would lose its history
 * while it still runs: on every start and every night its removal time is moved to {@code longest-case} plus
 * {@code time-to-live} days from then. Camunda's history cleanup removes what has expired, in the batch window
 * configured in application.yaml.
 */
@Component
@EnableScheduling
class HistoryRetention implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final HistoryService history;
    private final HistoryTimeToLive timeToLive;

    HistoryRetention(RepositoryService repository, HistoryService history, HistoryTimeToLive timeToLive) {
        this.repository = repository;
        this.history = history;
        this.timeToLive = timeToLive;
    }

    @Override
    public void run(ApplicationArguments args) {
        int ttl = timeToLive.fromStart();
        int changed = 0;
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            if (!Integer.valueOf(ttl).equals(definition.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), ttl);
                changed++;
            }
        }
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
            if (!Integer.valueOf(ttl).equals(definition.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), ttl);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live set to {} days from a case's start on {} process and decision definitions",
                    ttl, changed);
        }
        keepHistoryOfLongCases();
    }

    /**
     * Running root cases started more than {@code longest-case} days ago get the removal time
     * {@code longest-case} plus {@code time-to-live} days from now, for all their history rows.
     */
    @Scheduled(cron = "${threatflow.history.long-case-check:0 30 21 * * *}")
    void keepHistoryOfLongCases() {
        Instant now = Instant.now();
        HistoricProcessInstanceQuery longCases = history.createHistoricProcessInstanceQuery().unfinished().rootProcessInstances()
                .startedBefore(Date.from(now.minus(Duration.ofDays(timeToLive.longestCase()))));
        long count = longCases.count();
        if (count > 0) {
            history.setRemovalTimeToHistoricProcessInstances()
                    .absoluteRemovalTime(Date.from(now.plus(Duration.ofDays(timeToLive.fromStart()))))
                    .byQuery(longCases).hierarchical().executeAsync();
            log.info("History of {} cases running longer than {} days kept another {} days", count,
                    timeToLive.longestCase(), timeToLive.fromStart());
        }
    }
}
