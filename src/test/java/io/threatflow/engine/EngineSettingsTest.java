package io.threatflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine settings application.yaml sets through {@code camunda.bpm.generic-properties} reach the engine: a
 * misspelt key there is ignored silently, and each of these changes what a query costs or what a user can do.
 * Runs in the context the HTTP tests share: a context of its own would register itself as the JVM's "default"
 * engine, which the engine REST API of the shared context then answers from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineSettingsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void shouldApplyTheGenericPropertiesOfApplicationYaml() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("start");
        assertThat(configuration.isEnableCmdExceptionLogging()).isFalse();
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(configuration.getLoginDelayBase()).isZero();
    }
}
