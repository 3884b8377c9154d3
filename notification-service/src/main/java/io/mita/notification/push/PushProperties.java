package io.mita.notification.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The push channel ({@code mita.notification.push.*}); off by default.
 *
 * @param enabled         whether push messages are sent at all ({@code MITA_PUSH_ENABLED})
 * @param fcmBaseUrl      FCM's HTTP v1 API ({@code https://fcm.googleapis.com}; a fake server in tests)
 * @param projectId       the Firebase project ({@code MITA_FCM_PROJECT_ID})
 * @param credentialsFile a Google service-account JSON key file ({@code MITA_FCM_CREDENTIALS_FILE}): its
 *                        {@code client_email}, {@code private_key} and {@code token_uri} get the OAuth 2 access token
 * @param timeout         the longest one call to FCM (or its token endpoint) may take
 */
@ConfigurationProperties("mita.notification.push")
public record PushProperties(
        boolean enabled, String fcmBaseUrl, String projectId, String credentialsFile, Duration timeout) {}
