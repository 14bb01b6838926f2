package io.threatflow.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two doors. The HTTP APIs ({@code /api}, {@code /engine-rest}) take HTTP Basic against Camunda's users and
 * nothing anonymous. The Camunda webapps under {@code /camunda} keep their own login, session and CSRF
 * protection; only health is open besides. Prometheus metrics take HTTP Basic as the APIs do, for three groups.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Results that a connector's target posts for an action it accepted for later carry no user's credentials:
     * they are signed with the webhook secret, and the endpoint verifies the signature before it reads anything.
     */
    @Bean
    @Order(0)
    SecurityFilterChain signedResults(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(path("/api/actions/{actionId}/result"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json);
        return http
                // path matchers, not MVC ones: /engine-rest is served by Jersey, outside Spring MVC
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/v3/api-docs/**"),
                        path("/v3/api-docs"), path("/swagger-ui/**"), path("/swagger-ui.html")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                // machine clients with Basic credentials on every request: no session, so no CSRF token to steal
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .build();
    }

    /**
     * Prometheus scrapes with HTTP Basic as a user of {@code monitoring}; managers and administrators may look
     * too. The meters are counted inside the application, so the engine needs no authentication here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain metricsSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = unauthorized(json);
        return http
                .securityMatcher(path("/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(
                        Stream.of(Groups.MONITORING, Groups.MANAGERS, Groups.ADMINS)
                                .map(group -> CamundaIdentityAuthenticationProvider.GROUP_PREFIX + group)
                                .toArray(String[]::new)))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(json, request, response,
                                HttpStatus.FORBIDDEN, "Metrics are for the groups monitoring, managers and camunda-admin")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        // Camunda's webapps authenticate every call themselves (session login, CSRF token)
                        .requestMatchers(path("/"), path("/camunda/**"), path("/error"), path("/favicon.ico")).permitAll()
                        .anyRequest().denyAll())
                // Spring's CSRF would reject the webapps' requests; Camunda's own CSRF filter protects them
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                ProblemResponses.throttled(json, request, response, throttled.retryAfter());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"ThreatFlow\"");
            ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED,
                    "Authentication required: HTTP Basic with a ThreatFlow (Camunda) user");
        };
    }

    private static PathPatternRequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
