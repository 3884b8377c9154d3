package io.mita.auth.account.domain;

import io.mita.auth.account.domain.PasswordWeakness.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a new password must satisfy, following NIST SP 800-63B and OWASP ASVS 5.0 (length over composition
 * rules, no truncation, no breached passwords, a strength estimate):
 *
 * <ol>
 *   <li>between {@value #MIN_LENGTH} and {@value #MAX_LENGTH} characters (Unicode code points, so an emoji or
 *       an accented letter counts once) — checked by request validation ({@link #lengthViolation});
 *   <li>not one of the {@link BreachedPasswords} (whatever its case);
 *   <li>not containing the account's e-mail address or name ({@link PersonalDetails#words()});
 *   <li>an estimated {@code log10(guesses)} of at least {@value #MIN_GUESSES_LOG10} by nbvcxz (zxcvbn's
 *       approach: dictionaries with l33t and reversed words, keyboard walks, sequences, repeats, dates, years),
 *       with the personal words as an extra dictionary.
 * </ol>
 *
 * The estimator's dictionaries are loaded once (a few MB of heap); one estimate takes milliseconds.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /**
     * The least estimated guesses, as a power of ten, a new password needs: 10^10 is zxcvbn's top score 4
     * ("strong protection from offline attacks, assuming a salted, slow hash"); docs/auth.md says why.
     */
    public static final double MIN_GUESSES_LOG10 = 10.0;

    static final String BREACHED_HINT = "This password is on a list of breached passwords that attackers try first."
            + " Choose another one, e.g. four or five unrelated words.";
    static final String PERSONAL_HINT =
            "The password contains your e-mail address or your name. Choose one that does not.";
    static final String GUESSABLE_HINT = "Add another word or two; uncommon words are better.";

    /**
     * Only the first this many characters are estimated: nbvcxz's time grows faster than the length (a 128-character
     * password takes about 3x a 64-character one), and the prefix's estimate is a lower bound of the whole's.
     */
    public static final int ESTIMATED_LENGTH = 64;

    private static final List<Dictionary> DICTIONARIES = ConfigurationBuilder.getDefaultDictionaries();
    private static final String PERSONAL_DICTIONARY = "personal-details";

    private PasswordPolicy() {}

    /** The length rule alone (what request validation checks; the rest answers {@code AUTH_PASSWORD_TOO_WEAK}). */
    public static Optional<String> lengthViolation(String password) {
        if (password == null) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
        return Optional.empty();
    }

    /**
     * Why a password of the right length is too weak for an account with these details, or empty when it is
     * strong enough. Breached first, then personal details, then the estimate.
     */
    public static Optional<PasswordWeakness> weakness(String password, PersonalDetails details) {
        if (BreachedPasswords.contains(password)) {
            return Optional.of(new PasswordWeakness(Reason.BREACHED, BREACHED_HINT));
        }
        Set<String> personal = details.words();
        String lower = password.toLowerCase(Locale.ROOT);
        if (personal.stream().anyMatch(lower::contains)) {
            return Optional.of(new PasswordWeakness(Reason.PERSONAL_INFORMATION, PERSONAL_HINT));
        }
        Result estimate = estimate(password, personal);
        if (guessesLog10(estimate) < MIN_GUESSES_LOG10) {
            return Optional.of(new PasswordWeakness(Reason.GUESSABLE, hint(estimate.getFeedback())));
        }
        return Optional.empty();
    }

    /** The estimate's {@code log10(guesses)} for a password (no personal details): what the threshold compares. */
    public static double guessesLog10(String password) {
        return guessesLog10(estimate(password, Set.of()));
    }

    private static double guessesLog10(Result estimate) {
        // the estimate is in bits: guesses = 2^entropy
        return estimate.getEntropy() * Math.log10(2);
    }

    private static Result estimate(String whole, Set<String> personal) {
        String password = whole.codePointCount(0, whole.length()) > ESTIMATED_LENGTH
                ? whole.substring(0, whole.offsetByCodePoints(0, ESTIMATED_LENGTH))
                : whole;
        List<Dictionary> dictionaries = new ArrayList<>(DICTIONARIES);
        if (!personal.isEmpty()) {
            DictionaryBuilder words = new DictionaryBuilder().setDictionaryName(PERSONAL_DICTIONARY);
            int rank = 1;
            for (String word : personal) {
                words.addWord(word, rank++);
            }
            dictionaries.add(words.createDictionary());
        }
        Configuration configuration = new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setLocale(Locale.ENGLISH)
                .setMinimumEntropy(MIN_GUESSES_LOG10 / Math.log10(2))
                .createConfiguration();
        return new Nbvcxz(configuration).estimate(password);
    }

    /**
     * The estimator's warning and first suggestion: fixed sentences of its English resource bundle (e.g.
     * "Straight rows of keys are easy to guess."), never a part of the password.
     */
    private static String hint(Feedback feedback) {
        StringBuilder hint = new StringBuilder();
        String warning = feedback.getWarning();
        if (warning != null && !warning.isBlank()) {
            hint.append(warning.strip());
        }
        List<String> suggestions = feedback.getSuggestion();
        String suggestion =
                suggestions.isEmpty() ? GUESSABLE_HINT : suggestions.get(0).strip();
        if (hint.length() > 0) {
            hint.append(' ');
        }
        return hint.append(suggestion).toString();
    }
}
