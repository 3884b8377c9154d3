package io.mita.common.export;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A service that declares a {@link UserDataExportPlan} gets its {@code GET /api/<service>/me/export} endpoint
 * ({@link PersonalDataExportRoute}) over common-lib's {@link PersonalDataExport}.
 */
@AutoConfiguration(afterName = "io.mita.common.outbox.MitaOutboxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean({UserDataExportPlan.class, PersonalDataExport.class})
public class MitaExportAutoConfiguration {

    @Bean
    RouterFunction<ServerResponse> personalDataExportRoute(UserDataExportPlan plan, PersonalDataExport export) {
        return PersonalDataExportRoute.of(plan, export);
    }
}
