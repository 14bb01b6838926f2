package io.threatflow.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.threatflow.action.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The LDAP and AWX connectors are beans only when their settings are given, so a node without them runs as
 * before. Only the connector packages are scanned, as the application scans them, without the rest of it.
 */
class ConnectorBeansTest {

    @Configuration
    @ComponentScan({"io.threatflow.connector.ldap", "io.threatflow.connector.awx"})
    @ConfigurationPropertiesScan({"io.threatflow.connector.ldap", "io.threatflow.connector.awx"})
    static class Connectors {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class))
            .withUserConfiguration(Connectors.class);

    @Test
    void noConnectorWithoutSettings() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBeansOfType(Connector.class)).isEmpty();
        });
    }

    @Test
    void bothConnectorsWithTheirSettings() {
        // nothing connects at start: the directory pool opens its first connection on the first action
        context.withPropertyValues(
                        "threatflow.connectors.ldap.url=ldaps://127.0.0.1:1636",
                        "threatflow.connectors.ldap.dialect=openldap",
                        "threatflow.connectors.ldap.bind-dn=cn=threatflow,dc=corp,dc=example",
                        "threatflow.connectors.ldap.bind-password=secret",
                        "threatflow.connectors.awx.url=https://127.0.0.1:8043",
                        "threatflow.connectors.awx.token=secret",
                        "threatflow.connectors.awx.job-templates.PATCH_SOFTWARE=12")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app.getBeansOfType(Connector.class).values())
                            .extracting(Connector::name).containsExactlyInAnyOrder("ldap", "awx");
                });
    }
}
