package io.threatflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.action.Connector;
import io.threatflow.connector.crowdstrike.CrowdStrikeConnector;
import io.threatflow.connector.crowdstrike.CrowdStrikeProperties;
import io.threatflow.connector.defender.DefenderConnector;
import io.threatflow.connector.defender.DefenderProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The EDR connectors are beans only when their client id is configured; nothing is called at start-up. */
class EdrConnectorBeansTest {

    @Configuration
    @EnableConfigurationProperties({DefenderProperties.class, CrowdStrikeProperties.class})
    @Import({DefenderConnector.class, CrowdStrikeConnector.class})
    static class Connectors {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Connectors.class);

    @Test
    void absentWithoutSettings() {
        context.run(app -> assertThat(app).doesNotHaveBean(Connector.class));
    }

    @Test
    void presentWithSettings() {
        context.withPropertyValues(
                        "threatflow.connectors.defender.tenant-id=tenant-1",
                        "threatflow.connectors.defender.client-id=client-1",
                        "threatflow.connectors.defender.client-secret=secret",
                        "threatflow.connectors.defender.isolation-type=Selective",
                        "threatflow.connectors.crowdstrike.base-url=https://api.eu-1.crowdstrike.com",
                        "threatflow.connectors.crowdstrike.client-id=client-2",
                        "threatflow.connectors.crowdstrike.client-secret=secret")
                .run(app -> {
                    assertThat(app.getBeansOfType(Connector.class).values()).extracting(Connector::name)
                            .containsExactlyInAnyOrder("defender", "crowdstrike");
                    assertThat(app.getBean(DefenderProperties.class).isolationType())
                            .isEqualTo(DefenderProperties.IsolationType.Selective);
                });
    }
}
