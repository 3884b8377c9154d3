package io.mita.auth.account.domain;

/**
 * Why a new password is refused although it has the right length, and a hint for the user. Neither ever
 * contains the password or any part of it.
 */
public record PasswordWeakness(Reason reason, String hint) {

    public enum Reason {
        /** on the shipped list of breached and common passwords, whatever its case */
        BREACHED,
        /** contains the account's e-mail address, its local part, or a word of the display name */
        PERSONAL_INFORMATION,
        /** the strength estimate is below {@link PasswordPolicy#MIN_GUESSES_LOG10} */
        GUESSABLE
    }
}
