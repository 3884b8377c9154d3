package io.mita.auth.token;

/** The prod profile found that the active signing key was sealed under the public development master key. */
class DevelopmentSigningKeyException extends IllegalStateException {

    DevelopmentSigningKeyException(String kid) {
        super("The active signing key " + kid + " was created under the development master key (the default of"
                + " MITA_AUTH_MASTER_KEY), which the prod profile refuses: its private half is readable by anyone"
                + " with this repository. Delete the signing_key rows created under it (created_under_dev_key) so"
                + " that a new key is generated under the real MITA_AUTH_MASTER_KEY; users then log in again.");
    }
}
