package io.threatflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import java.security.Principal;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What an OCSF batch answers when one finding fails on our side: the others go on, and the answer says which failed. */
class OcsfControllerTest {

    private final ThreatIntake intake = mock(ThreatIntake.class);
    private final IdempotentRequests idempotent = mock(IdempotentRequests.class);
    private final OcsfController controller = new OcsfController(new OcsfFindingMapper(java.time.Clock.systemUTC()),
            intake, idempotent, Validation.buildDefaultValidatorFactory().getValidator(), java.time.Clock.systemUTC(), 3,
            org.springframework.util.unit.DataSize.ofMegabytes(1));

    @Test
    void shouldAnswerMultiStatus_andGoOnWithTheOthers_whenOneFindingFailsOnOurSide() throws Exception {
        when(idempotent.handle(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Supplier<ResponseEntity<?>>>getArgument(3).get());
        when(intake.inBatch(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        when(intake.accept(argThat(report -> report != null && !report.assetName().startsWith("broken")), eq("scanner")))
                .thenAnswer(call -> new ThreatIntake.Outcome(ThreatIntake.Result.CREATED, "threat-of-"
                        + call.<io.threatflow.threat.NewThreat>getArgument(0).assetName(), null));
        when(intake.accept(argThat(report -> report != null && report.assetName().startsWith("broken")), eq("scanner")))
                .thenThrow(new DataAccessResourceFailureException("connection lost"));
        JsonNode batch = new ObjectMapper().readTree("[" + finding("good-1") + "," + finding("broken-2") + ","
                + finding("good-3") + "]");

        ResponseEntity<?> answer = controller.report(batch, principal(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.MULTI_STATUS);
        OcsfController.BatchResult result = (OcsfController.BatchResult) answer.getBody();
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.results()).extracting(OcsfController.ItemResult::result)
                .containsExactly("created", "failed", "created");
        assertThat(result.results()).extracting(OcsfController.ItemResult::status).containsExactly(201, 500, 201);
        assertThat(result.results().get(1).threatId()).isNull();
        assertThat(result.results().get(1).detail()).contains("send it again").doesNotContain("connection lost");
        assertThat(result.results().get(2).threatId()).isEqualTo("threat-of-good-3.corp");
    }

    @Test
    void shouldRefuseAnArrayOverTheLimit_naming_it_beforeStoringAnything() throws Exception {
        JsonNode batch = new ObjectMapper().readTree("[" + finding("a") + "," + finding("b") + "," + finding("c") + ","
                + finding("d") + "]");

        ResponseEntity<?> answer = controller.report(batch, principal(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getDetail())
                .contains("at most 3 findings").contains("holds 4");
        org.mockito.Mockito.verifyNoInteractions(intake, idempotent);
    }

    private static String finding(String host) {
        return """
                {"class_uid": 2004, "finding_info": {"uid": "%s", "title": "Beacon"}, "device": {"hostname": "%s.corp"}}"""
                .formatted(host, host);
    }

    private static Principal principal() {
        return () -> "scanner";
    }
}
