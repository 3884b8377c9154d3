package io.mita.auth.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The public development values of the secrets, read from where they live: the fallbacks of the placeholders in
 * {@code application.yml} ({@code ${MITA_AUTH_MASTER_KEY:<development key>}}). No copy of them in Java: the prod
 * profile ({@link ProductionSafetyCheck}, the signing-key loader) recognises them by these constants.
 */
public final class DevelopmentDefaults {

    private static final Pattern PLACEHOLDER_WITH_FALLBACK = Pattern.compile("\\$\\{[A-Z0-9_]+:(.+)}");
    private static final Map<Object, Object> APPLICATION_YML = read("application.yml");

    /** {@code mita.auth.master-key}: the development master key that seals signing keys. */
    public static final String MASTER_KEY = fallbackOf("mita.auth.master-key");
    /** {@code mita.auth.password-reset.delivery-key}: the development key shared with notification-service. */
    public static final String DELIVERY_KEY = fallbackOf("mita.auth.password-reset.delivery-key");
    /** {@code mita.auth.bootstrap-admin.password}: the default password of the bootstrap admin. */
    public static final String BOOTSTRAP_ADMIN_PASSWORD = fallbackOf("mita.auth.bootstrap-admin.password");

    private DevelopmentDefaults() {}

    /** The fallback of the {@code ${VARIABLE:fallback}} placeholder that {@code application.yml} sets the property to. */
    static String fallbackOf(String property) {
        Object raw = APPLICATION_YML.get(property);
        Matcher matcher = PLACEHOLDER_WITH_FALLBACK.matcher(raw == null ? "" : raw.toString());
        if (!matcher.matches()) {
            throw new IllegalStateException(
                    "application.yml sets " + property + " to no ${VARIABLE:fallback} placeholder: " + raw);
        }
        return matcher.group(1);
    }

    private static Map<Object, Object> read(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        return yaml.getObject();
    }
}
