package io.threatflow.benchmark;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** {@link CaseThroughput} on H2 in memory: the headline {@code flowNodeRatio}. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:threatflow-benchmark-${random.uuid};DB_CLOSE_DELAY=-1",
        // the job executor as shipped (application.yaml sets nothing for H2, so the engine's defaults), not the
        // quick pick-up of the test profile
        "camunda.bpm.job-execution.wait-time-in-millis=5000",
        "camunda.bpm.job-execution.max-wait=60000"})
@Import(CountSqlStatements.class)
@ActiveProfiles("test")
class CaseThroughputH2Benchmark extends CaseThroughput {

    @Override
    String database() {
        return "h2-mem";
    }

    @Override
    String ratioKey() {
        return "flowNodeRatio";
    }
}
