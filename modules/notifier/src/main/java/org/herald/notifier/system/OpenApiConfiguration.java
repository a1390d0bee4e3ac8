package org.herald.notifier.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the notifier's admin API ({@code /v3/api-docs},
 * {@code /swagger-ui.html}): every operation needs the admin key as a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ADMIN_KEY = "adminKey";

    @Bean
    OpenAPI notifierOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Herald notifier admin API")
                .version("v1")
                .description("Members and their subscriptions, partners, the delivery ledger and digests. "
                        + "Every error is an RFC 9457 problem detail."))
            .components(new Components().addSecuritySchemes(ADMIN_KEY,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A key from herald.admin-api-keys")))
            .addSecurityItem(new SecurityRequirement().addList(ADMIN_KEY));
    }

}
