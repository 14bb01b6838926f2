package io.threatflow.benchmark;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the application's DataSource in the {@link SqlStatementCounter}. */
@TestConfiguration(proxyBeanMethods = false)
class CountSqlStatements {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return SqlStatementCounter.wrapper();
    }
}
