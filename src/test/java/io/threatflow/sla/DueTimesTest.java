package io.threatflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueTimesTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void shouldAddPolicyDurationsToReportTime_withoutContainmentWhenBlank() {
        assertThat(DueTimes.after(REPORTED, "PT15M", "PT1H", "PT24H")).isEqualTo(new DueTimes(
                REPORTED.plus(Duration.ofMinutes(15)), REPORTED.plus(Duration.ofHours(1)), REPORTED.plus(Duration.ofDays(1))));
        assertThat(DueTimes.after(REPORTED, "P1D", "", "P30D").containDue()).isNull();
    }

    @Test
    void shouldKeepPassedDueTimes_andMoveTheOthers_whenReassessed() {
        DueTimes critical = DueTimes.after(REPORTED, "PT15M", "PT1H", "PT24H");
        DueTimes low = DueTimes.after(REPORTED, "P1D", null, "P30D");

        DueTimes beforeContainmentDue = critical.reassessed(low, REPORTED.plus(Duration.ofMinutes(30)));
        assertThat(beforeContainmentDue).isEqualTo(new DueTimes(critical.triageDue(), null, low.resolveDue()));

        DueTimes afterContainmentDue = critical.reassessed(low, REPORTED.plus(Duration.ofHours(2)));
        assertThat(afterContainmentDue.containDue()).as("a breach stands").isEqualTo(critical.containDue());
        assertThat(afterContainmentDue.resolveDue()).isEqualTo(low.resolveDue());

        assertThat(low.reassessed(critical, REPORTED.plus(Duration.ofMinutes(30))).containDue())
                .as("raised from LOW: now held to containment").isEqualTo(critical.containDue());
    }

    @Test
    void shouldNameTheOutput_whenPolicyGivesNoDuration() {
        assertThatThrownBy(() -> DueTimes.after(REPORTED, "PT15M", null, "one month"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'resolveWithin'")
                .hasMessageContaining("not 'one month'");
        assertThatThrownBy(() -> DueTimes.after(REPORTED, null, null, "P30D"))
                .hasMessage("the decision sla-policy gave no 'triageWithin'");
    }
}
