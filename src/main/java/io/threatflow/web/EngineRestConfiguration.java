package io.threatflow.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API under {@code /engine-rest} as the starter configures it, with one change: its failures are
 * answered by {@link EngineRestProblems} alone. Camunda's exception handlers and Jersey's Jackson ones are left out
 * rather than outranked, since Jersey picks among mappers of the same exception type in no defined order.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        CamundaRestResources.getConfigurationClasses().stream()
                .filter(type -> !ExceptionMapper.class.isAssignableFrom(type))
                .forEach(this::register);
        register(JacksonFeature.withoutExceptionMappers());
        register(new EngineRestProblems());
    }
}
