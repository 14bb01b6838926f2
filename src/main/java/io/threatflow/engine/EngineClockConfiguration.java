package io.threatflow.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One time source for the engine and our tables: the register's phase times and the engine's history
 * must agree, also when a test moves the engine's clock.
 */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneOffset.UTC);
    }

    private static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
