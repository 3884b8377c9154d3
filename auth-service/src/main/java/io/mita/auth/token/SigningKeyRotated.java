package io.mita.auth.token;

/**
 * {@code mita.auth.signing-key.rotated.v1}: a new key signs access tokens from now on; the previous one is
 * retired but stays in the JWKS until its last token has expired. The subject is the new kid (the event is
 * about a key, not a user); the actor is the administrator. Golden file:
 * {@code docs/events/mita.auth.signing-key.rotated.v1.json}.
 *
 * @param previousKid the retired key, or null when no key was active
 */
public record SigningKeyRotated(String kid, String previousKid) {

    public static final String TYPE = "mita.auth.signing-key.rotated.v1";
}
