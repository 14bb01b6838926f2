package io.threatflow.sla;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** {@link SlaRegisterContract} on the embedded H2 database of the shared application context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class SlaRegisterTest extends SlaRegisterContract {

    @Autowired
    ApplicationEvents events;

    @Autowired
    SlaRegisterTest(JdbcClient jdbc, SlaRegister register, SlaBreaches breaches) {
        super(jdbc, register, breaches);
    }

    @Override
    List<SlaBreached> published() {
        // only this test's: the job executor may record breaches of other cases in other threads meanwhile
        return events.stream(SlaBreached.class).filter(breach -> breach.threatId().equals(threatId)).toList();
    }
}
