package io.mita.audit.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mita.audit.privacy.*} (defaults in application.yml only). {@code emailHashKey}: base64 key of the HMAC
 * that turns an e-mail address into its search hash ({@code AUDIT_EMAIL_HASH_KEY}); {@code masterKey}: base64 AES-256
 * key that wraps the per-subject keys ({@code AUDIT_MASTER_KEY}). Development keys by default.
 */
@ConfigurationProperties("mita.audit.privacy")
record PrivacyProperties(String emailHashKey, String masterKey) {}
