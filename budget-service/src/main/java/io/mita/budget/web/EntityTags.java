package io.mita.budget.web;

import io.mita.common.problem.ProblemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The version of a row as a strong entity tag ({@code "3"}) and back out of an {@code If-Match}: one rule for
 * every controller whose answers carry a version (goals, transactions). What happens when the version is stale
 * is the feature's (goals 412, transactions 409).
 */
public final class EntityTags {

    /** An entity tag as we make them ("3"), also accepted weak or unquoted. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private EntityTags() {}

    /** The strong entity tag of a version: {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match names; null when there is none or it is {@code *} (any current version). Anything
     * that is not one of our tags is 400 {@code VALIDATION_FAILED}.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    HttpHeaders.IF_MATCH + ": must be an entity tag this API returned, such as \"3\"");
        }
        return Long.valueOf(matcher.group(1));
    }
}
