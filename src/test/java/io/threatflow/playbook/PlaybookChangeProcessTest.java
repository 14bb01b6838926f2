package io.threatflow.playbook;

import static io.threatflow.playbook.PlaybookChangeProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per outcome of playbook-change, with the real review listener and the change service mocked. */
@Deployment(resources = {"processes/playbook-change.bpmn", "forms/review-playbook-change.form"})
class PlaybookChangeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine engine;
    final PlaybookChanges changes = mock(PlaybookChanges.class);

    @BeforeEach
    void registerDelegates() {
        init(engine);
        Mocks.register("recordPlaybookReview", new RecordPlaybookReviewListener());
        Mocks.register("namePlaybookReview", new NamePlaybookReviewListener());
        Mocks.register("deployPlaybookChange", new DeployPlaybookChangeDelegate(changes));
        Mocks.register("recordPlaybookRefusal", new RecordRefusalDelegate(changes));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance proposed() {
        ProcessInstance change = runtimeService().startProcessInstanceByKey(KEY, "change-1", Map.of(
                CHANGE_ID.name(), "change-1", PROPOSED_BY.name(), "mia", CHANGE_SUMMARY.name(), "Changed: sla-policy.dmn"));
        assertThat(change).isWaitingAt(TASK_REVIEW);
        assertThat(task()).hasName("Review playbook change by mia");
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("managers").count()).isOne();
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateGroup("modelers").count()).isOne();
        return change;
    }

    @Test
    void shouldEndDeployed_whenTheReviewerApproves() {
        ProcessInstance change = proposed();

        complete(task(), withVariables(CHANGE_APPROVED.name(), true, REVIEW_COMMENT.name(), "fine"));

        assertThat(change).hasPassed(TASK_DEPLOY).isEnded().hasPassed(END_DEPLOYED);
        verify(changes).deployApproved("change-1", "unknown", "fine");
    }

    @Test
    void shouldEndRefused_withTheReason_whenTheReviewerRefuses() {
        ProcessInstance change = proposed();

        complete(task(), withVariables(CHANGE_APPROVED.name(), false, REVIEW_COMMENT.name(), "PT30M is too slow"));

        assertThat(change).hasPassed(TASK_RECORD_REFUSAL).isEnded().hasPassed(END_REFUSED);
        verify(changes).refuse("change-1", "unknown", "PT30M is too slow");
    }

    @Test
    void shouldRefuseTheCompletion_whenARefusalGivesNoReason() {
        ProcessInstance change = proposed();

        Assertions.assertThatThrownBy(() -> complete(task(), withVariables(CHANGE_APPROVED.name(), false)))
                .hasMessageContaining("reviewComment");

        assertThat(change).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void shouldNotApprove_whenTheFormSendsTheDecisionItself() {
        ProcessInstance change = proposed();

        complete(task(), withVariables("changeDecision", "APPROVED", REVIEW_COMMENT.name(), "no answer given"));

        assertThat(change).hasPassed(END_REFUSED).hasNotPassed(TASK_DEPLOY);
    }
}
