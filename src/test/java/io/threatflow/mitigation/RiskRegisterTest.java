package io.threatflow.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.threatflow.mitigation.RiskAcceptanceRepository.OpenAcceptance;
import io.threatflow.mitigation.RiskRegister.State;
import io.threatflow.threat.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskRegisterTest {

    private static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

    private final RiskAcceptanceRepository acceptances = mock(RiskAcceptanceRepository.class);
    private final RiskRegister register = new RiskRegister(acceptances, new RiskSettings(null, Duration.ofDays(7)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldCallARiskOverdueFromTheStartOfItsReviewDate_andExpiringSoonAWeekBefore() {
        assertThat(register.state(LocalDate.parse("2027-03-10"), NOW)).as("due this morning").isEqualTo(State.OVERDUE);
        assertThat(register.state(LocalDate.parse("2027-03-11"), NOW)).isEqualTo(State.EXPIRING_SOON);
        assertThat(register.state(LocalDate.parse("2027-03-17"), NOW)).as("due in 6.5 days").isEqualTo(State.EXPIRING_SOON);
        assertThat(register.state(LocalDate.parse("2027-03-18"), NOW)).as("due in 7.5 days").isEqualTo(State.ACTIVE);
    }

    @Test
    void shouldListTheOpenAcceptances_withTheirState_filteredByState() {
        when(acceptances.open()).thenReturn(List.of(open("t-1", "2027-03-01"), open("t-2", "2027-03-12"),
                open("t-3", "2027-06-30")));

        assertThat(register.list(null)).extracting(RiskRegister.AcceptedRisk::threatId, RiskRegister.AcceptedRisk::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-1", State.OVERDUE),
                        org.assertj.core.groups.Tuple.tuple("t-2", State.EXPIRING_SOON),
                        org.assertj.core.groups.Tuple.tuple("t-3", State.ACTIVE));
        assertThat(register.list(State.OVERDUE)).singleElement().satisfies(risk -> {
            assertThat(risk.threatId()).isEqualTo("t-1");
            assertThat(risk.title()).isEqualTo("title t-1");
            assertThat(risk.assetName()).isEqualTo("legacy-hr-01");
            assertThat(risk.severity()).isEqualTo(Severity.HIGH);
            assertThat(risk.acceptedBy()).isEqualTo("mona");
            assertThat(risk.comment()).isEqualTo("filtered at the edge");
        });
    }

    private static OpenAcceptance open(String threatId, String reviewDate) {
        return new OpenAcceptance(new RiskAcceptance(threatId, "mona", LocalDate.parse(reviewDate), "BLOCK_PORT",
                "filtered at the edge", NOW.minus(Duration.ofDays(30))), "title " + threatId, "legacy-hr-01",
                Severity.HIGH);
    }
}
