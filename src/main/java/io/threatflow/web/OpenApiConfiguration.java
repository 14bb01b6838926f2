package io.threatflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description behind /v3/api-docs and Swagger UI (/swagger-ui.html), both behind HTTP Basic. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI threatFlowApi() {
        return new OpenAPI()
                .info(new Info().title("ThreatFlow intake API").version("1")
                        .description("""
                                Report threats from scanners, EDR and SIEM tools, as ThreatFlow's own JSON or as \
                                OCSF findings. A report of a threat that is open already is correlated to its \
                                case (result `duplicate`) instead of opening a second one. Send an \
                                `Idempotency-Key` header to make a retry safe. Errors are RFC 9457 problem \
                                details that name the field.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A ThreatFlow (Camunda) user, e.g. one of group analysts")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
