package io.threatflow.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link PlaybookDeploymentFilter} after authentication, so that it knows the user, and before the engine API. */
@Configuration(proxyBeanMethods = false)
class PlaybookDeploymentConfiguration {

    @Bean
    FilterRegistrationBean<PlaybookDeploymentFilter> playbookDeployments(PlaybookChanges changes, IdentityService identity,
                                                                        AuthorizationService authorizations, ObjectMapper json) {
        FilterRegistrationBean<PlaybookDeploymentFilter> registration = new FilterRegistrationBean<>(
                new PlaybookDeploymentFilter(changes, identity, authorizations, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
