package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.threatflow.threat.NewThreat;
import io.threatflow.threat.ThreatType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that accepted a report and died before its case started loses nothing: the start is a job committed with
 * the threat, and once the dead node's lock on it runs out, the job executor (of this node, as of a node restarted)
 * opens the case, once, as the reporter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseStartRecoveryHttpTest {

    @Autowired
    ThreatIntake intake;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldOpenTheCaseOnce_whenTheNodeThatAcceptedTheReportDiedHoldingItsStart() {
        NewThreat report = new NewThreat("Flaw left by a crashed node", ThreatType.VULNERABILITY, "web-01", null, null,
                "CVE-2098-31337", null, "recovery-test", "recovery-1", null, false);

        String threatId = transaction.execute(status -> {
            String id = intake.accept(report, "analyst").threatId();
            // as a node that acquired the start and died: its lock holds for a few more seconds
            int locked = jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'crashed-node', LOCK_EXP_TIME_ = :until "
                            + "where HANDLER_TYPE_ = 'threatflow-deferred-start' and HANDLER_CFG_ = :config")
                    .param("until", new java.util.Date(System.currentTimeMillis() + 3000))
                    .param("config", "analyst\n" + id).update();
            assertThat(locked).isEqualTo(1);
            return id;
        });

        assertThat(caseOf(threatId)).as("no case while the dead node holds the start").isNull();
        String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> caseOf(threatId), id -> id != null);
        assertThat(jdbc.sql("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = :threat")
                .param("threat", threatId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select START_USER_ID_ from ACT_HI_PROCINST where ID_ = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("analyst");
        assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_CFG_ = :config")
                .param("config", "analyst\n" + threatId).query(Long.class).single()).isZero();
    }

    @Test
    void shouldCorrelateAsSighting_whenTheSameThreatIsReportedBeforeItsCaseStarted() {
        NewThreat report = new NewThreat("Flaw reported twice at once", ThreatType.VULNERABILITY, "web-01", null, null,
                "CVE-2098-31338", null, "recovery-test", "recovery-2", null, false);

        String[] outcomes = transaction.execute(status -> {
            ThreatIntake.Outcome first = intake.accept(report, "analyst");
            ThreatIntake.Outcome second = intake.accept(report, "analyst");
            return new String[] {first.result().name(), first.threatId(), second.result().name(), second.threatId()};
        });

        assertThat(outcomes).containsExactly("CREATED", outcomes[1], "DUPLICATE", outcomes[1]);
        await().atMost(Duration.ofSeconds(60)).until(() -> caseOf(outcomes[1]) != null);
        assertThat(jdbc.sql("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = :threat")
                .param("threat", outcomes[1]).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from threat_sighting where threat_id = :threat")
                .param("threat", outcomes[1]).query(Long.class).single()).isEqualTo(1);
    }

    private String caseOf(String threatId) {
        return jdbc.sql("select process_instance_id from threat where id = :id").param("id", threatId)
                .query(String.class).optional().orElse(null);
    }
}
