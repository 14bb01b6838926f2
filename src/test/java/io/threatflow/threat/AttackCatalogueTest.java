package io.threatflow.threat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttackCatalogueTest {

    @Test
    void shouldNameKnownTechniques_withTheirTactic() {
        assertThat(AttackCatalogue.describe(" t1486 ")).isEqualTo(
                new AttackTechnique("T1486", "Data Encrypted for Impact", "TA0040", "Impact"));
        assertThat(AttackCatalogue.describe("T1486").describe())
                .isEqualTo("T1486 Data Encrypted for Impact (Impact, TA0040)");
    }

    @Test
    void shouldGiveAnUnknownSubTechniqueItsParentsTactic_butNoName() {
        assertThat(AttackCatalogue.describe("T1021.002")).isEqualTo(
                new AttackTechnique("T1021.002", null, "TA0008", "Lateral Movement"));
    }

    @Test
    void shouldKeepAnUnknownTechniqueAsItsId_withTheNameTheReportGave() {
        assertThat(AttackCatalogue.describe("T1999", "Something new", null, null).describe())
                .isEqualTo("T1999 Something new");
        assertThat(AttackCatalogue.describe("T1999").describe()).isEqualTo("T1999");
    }

    @Test
    void shouldPreferTheReportsTactic_overTheTable() {
        assertThat(AttackCatalogue.describe("T1078", "Valid Accounts", "TA0003", "Persistence"))
                .isEqualTo(new AttackTechnique("T1078", "Valid Accounts", "TA0003", "Persistence"));
        assertThat(AttackCatalogue.describe("T1078", null, "TA0003", null).tacticName()).isEqualTo("Persistence");
    }

    @Test
    void shouldListTechniqueAndTacticIds_forTheDecisions() {
        ThreatEvidence evidence = ThreatEvidence.NONE.withAttacks(List.of(AttackCatalogue.describe("T1486"),
                AttackCatalogue.describe("T1490"), AttackCatalogue.describe("T1999")));

        assertThat(evidence.attackIds()).isEqualTo("T1486 TA0040 T1490 T1999");
        assertThat(ThreatEvidence.NONE.attackIds()).isEmpty();
        assertThat(ThreatEvidence.NONE.describeAttacks()).isEqualTo("none reported");
    }
}
