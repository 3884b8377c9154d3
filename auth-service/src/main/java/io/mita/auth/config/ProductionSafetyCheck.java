package io.mita.auth.config;

import io.mita.auth.password.PasswordResetProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start with a setting that is only fit for a laptop, naming every
 * wrong setting at once: the development master key, the development delivery key, the default bootstrap
 * admin password, a wildcard CORS origin. (An active signing key sealed under the development master key is
 * refused by the signing-key loader, which reads the database.)
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

    private final AuthProperties auth;
    private final PasswordResetProperties passwordReset;
    private final CorsProperties cors;

    ProductionSafetyCheck(AuthProperties auth, PasswordResetProperties passwordReset, CorsProperties cors) {
        this.auth = auth;
        this.passwordReset = passwordReset;
        this.cors = cors;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> wrong = violations(auth, passwordReset, cors);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", wrong));
        }
    }

    static List<String> violations(AuthProperties auth, PasswordResetProperties passwordReset, CorsProperties cors) {
        List<String> wrong = new ArrayList<>();
        if (DevelopmentDefaults.MASTER_KEY.equals(auth.masterKey().strip())) {
            wrong.add("mita.auth.master-key (MITA_AUTH_MASTER_KEY) is the public development key;"
                    + " set a secret one (openssl rand -base64 32)");
        }
        if (DevelopmentDefaults.DELIVERY_KEY.equals(passwordReset.deliveryKey().strip())) {
            wrong.add("mita.auth.password-reset.delivery-key (MITA_NOTIFICATION_DELIVERY_KEY) is the public development"
                    + " key; set a secret one, the same in notification-service");
        }
        if (DevelopmentDefaults.BOOTSTRAP_ADMIN_PASSWORD.equals(
                auth.bootstrapAdmin().password())) {
            wrong.add("mita.auth.bootstrap-admin.password (MITA_BOOTSTRAP_ADMIN_PASSWORD) is the public default");
        }
        if (cors.allowsEveryOrigin()) {
            wrong.add("mita.cors.allowed-origins (MITA_CORS_ALLOWED_ORIGINS) contains the wildcard *;"
                    + " list the origins of the web clients");
        }
        return wrong;
    }
}
